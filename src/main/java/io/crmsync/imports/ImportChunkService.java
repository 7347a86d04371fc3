package io.crmsync.imports;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads one page of Salesforce records and writes it to HubSpot. The paging logic arrives with the import issue. */
@ApplicationScoped
public class ImportChunkService {

    private static final Logger LOG = Logger.getLogger(ImportChunkService.class);

    public void process(ImportChunkMessage message) {
        LOG.infof("Import %s page %d received (after %s)", message.importId(), message.page(), message.afterId());
    }
}
