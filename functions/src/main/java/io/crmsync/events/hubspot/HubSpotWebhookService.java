package io.crmsync.events.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.crmsync.config.SecretResolver;
import io.crmsync.events.EventsConfig;
import io.crmsync.events.SeenEvents;
import io.crmsync.events.SyncWork;
import io.crmsync.sync.SyncBatchMessage.RecordRef;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A HubSpot webhook request: verified (v3 signature), read, stripped of crm-sync's own writes and of events already
 * queued (HubSpot retries repeat the eventId; a replayed request repeats them all), and queued as sync work, all
 * before HubSpot's few-second timeout: one DynamoDB read, one SQS call per object, one DynamoDB write.
 */
@ApplicationScoped
public class HubSpotWebhookService {

    private static final Logger LOG = Logger.getLogger(HubSpotWebhookService.class);
    static final String SOURCE = "hubspot";

    private final EventsConfig config;
    private final SecretResolver secrets;
    private final WebhookBatchParser parser;
    private final SeenEvents seenEvents;
    private final SyncWork work;
    private final Clock clock;
    private final AtomicReference<String> appSecret = new AtomicReference<>();

    HubSpotWebhookService(EventsConfig config, SecretResolver secrets, WebhookBatchParser parser, SeenEvents seenEvents,
            SyncWork work, Clock clock) {
        this.config = config;
        this.secrets = secrets;
        this.parser = parser;
        this.seenEvents = seenEvents;
        this.work = work;
        this.clock = clock;
    }

    /** What a request brought and what became of it. */
    public record Receipt(int received, int queued, int ownWrites, int duplicates, int ignored, int messages) {
    }

    /**
     * @param uri the full URL HubSpot called (scheme, host, path, query), as it signed it
     * @throws WebhookRejectedException bad signature, stale timestamp or malformed body; nothing was queued
     */
    public Receipt receive(String method, String uri, String body, String timestamp, String signature) {
        Instant now = clock.instant();
        WebhookSignature.verify(method, uri, body, timestamp, signature, appSecret(), now,
                config.hubspot().maxSignatureAge());
        WebhookBatchParser.Batch batch = parser.parse(body);
        String appId = config.hubspot().appId().orElse(null);
        List<WebhookEvent> others = batch.events().stream().filter(e -> !e.isOwnWrite(appId)).toList();
        int ownWrites = batch.events().size() - others.size();
        Set<String> seen = others.isEmpty() ? Set.of()
                : seenEvents.seen(SOURCE, others.stream().map(WebhookEvent::eventId).toList());
        List<WebhookEvent> fresh = others.stream().filter(e -> !seen.contains(e.eventId())).toList();
        Map<String, List<RecordRef>> records = SyncWork.group();
        for (WebhookEvent event : fresh) {
            List<RecordRef> refs = records.computeIfAbsent(event.object(), k -> new ArrayList<>());
            event.objectIds().forEach(id -> refs.add(new RecordRef(id, null)));
            event.related().forEach((object, id) -> records.computeIfAbsent(object, k -> new ArrayList<>())
                    .add(new RecordRef(id, null)));
        }
        int messages = work.enqueue(SOURCE, records);
        if (!fresh.isEmpty()) {
            seenEvents.mark(SOURCE, fresh.stream().map(WebhookEvent::eventId).toList(), now);
        }
        Receipt receipt = new Receipt(batch.events().size() + batch.ignored(), fresh.size(), ownWrites,
                others.size() - fresh.size(), batch.ignored(), messages);
        LOG.infof("HubSpot webhook: %d events, %d queued in %d messages, %d own writes, %d duplicates, %d ignored",
                receipt.received(), receipt.queued(), receipt.messages(), receipt.ownWrites(), receipt.duplicates(),
                receipt.ignored());
        return receipt;
    }

    private String appSecret() {
        String secret = appSecret.get();
        if (secret == null) {
            secret = secrets.resolve("crmsync.events.hubspot.app-secret", config.hubspot().appSecret(),
                    config.hubspot().appSecretParameter());
            appSecret.set(secret);
        }
        return secret;
    }
}
