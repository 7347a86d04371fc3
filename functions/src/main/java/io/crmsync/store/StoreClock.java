package io.crmsync.store;

import java.time.Clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/**
 * The clock callers pass to the store's time-dependent methods ({@code now}). A default bean so a test can produce
 * a fixed or movable clock and prove expiry without sleeping.
 */
@ApplicationScoped
public class StoreClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
