package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SettingsRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Inject
    SettingsRepository settings;

    @Test
    void save_thenFind_returnsTheDocument_andAStaleSaveIsRejected() {
        // given
        String key = "mappings." + UUID.randomUUID();
        SettingsDocument v1 = settings.save(key, "{\"email\":\"Email\"}", 0, T0);
        settings.save(key, "{\"email\":\"Email\",\"phone\":\"Phone\"}", v1.version(), T0.plusSeconds(1));

        // when / then
        assertThatThrownBy(() -> settings.save(key, "{\"email\":\"Other\"}", v1.version(), T0.plusSeconds(2)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> settings.save(key, "{}", 0, T0.plusSeconds(2)))
                .isInstanceOf(StaleVersionException.class);
        SettingsDocument stored = settings.find(key).orElseThrow();
        assertThat(stored.json()).contains("Phone");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void save_ofTextThatIsNotAJsonObject_isRejected_namingTheKey() {
        assertThatThrownBy(() -> settings.save("segment.contact", "{\"a\":1} trailing", 0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment.contact");
        assertThatThrownBy(() -> settings.save("segment.contact", "[1,2]", 0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }
}
