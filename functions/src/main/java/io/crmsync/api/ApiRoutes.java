package io.crmsync.api;

/**
 * Implemented by each capability (imports, sync, settings, ...) to declare the HTTP routes it serves. The router
 * collects every bean of this type, so adding a feature's routes never touches the router.
 */
public interface ApiRoutes {

    void register(RouteTable routes);
}
