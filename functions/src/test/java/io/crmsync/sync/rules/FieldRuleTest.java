package io.crmsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.crmsync.settings.SyncRule;
import io.crmsync.store.CrmSide;
import io.crmsync.sync.rules.SyncDecision.Action;

/**
 * The A2 decision table, row by row. Columns: rule, last synced HS/SF ("?" = first sync, "-" = blank), current HS/SF,
 * which record changed more recently, then the expected action, value written and two-way loser (side:value).
 */
class FieldRuleTest {

    private static final Instant EARLIER = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-01T10:05:00Z");

    @ParameterizedTest(name = "{0}: last HS={1} SF={2}, now HS={3} SF={4}, newer={5} -> {6} {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- Prefer Salesforce unless blank ---------------------------------------------------------
            # SF edit flows to HubSpot
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | a | b | SF | WRITE_HUBSPOT    | b | -
            # HS edit while SF has a value: SF value overwrites HS again
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | c | a | HS | WRITE_HUBSPOT    | a | -
            # HS edit while SF is blank: HS fills SF
            PREFER_SALESFORCE_UNLESS_BLANK | - | - | c | - | HS | WRITE_SALESFORCE | c | -
            # SF value deleted: deleted in HS too
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | a | - | SF | WRITE_HUBSPOT    | - | -
            # HS value deleted while SF has one: SF value restored in HS
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | - | a | HS | WRITE_HUBSPOT    | a | -
            # both changed: Salesforce decides, no two-way conflict
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | c | b | HS | WRITE_HUBSPOT    | b | -
            # nothing changed: nothing
            PREFER_SALESFORCE_UNLESS_BLANK | a | a | a | a | HS | NOTHING          | - | -
            # first sync: SF value fills HS; HS value fills blank SF (initial sync flows back)
            PREFER_SALESFORCE_UNLESS_BLANK | ? | ? | c | b | HS | WRITE_HUBSPOT    | b | -
            PREFER_SALESFORCE_UNLESS_BLANK | ? | ? | c | - | SF | WRITE_SALESFORCE | c | -
            PREFER_SALESFORCE_UNLESS_BLANK | ? | ? | - | - | SF | NOTHING          | - | -
            # --- Always use Salesforce ---------------------------------------------------------------------
            ALWAYS_SALESFORCE | a | a | a | b | SF | WRITE_HUBSPOT | b | -
            ALWAYS_SALESFORCE | a | a | c | a | HS | WRITE_HUBSPOT | a | -
            # never HS -> SF, even when SF is blank
            ALWAYS_SALESFORCE | - | - | c | - | HS | NOTHING       | - | -
            ALWAYS_SALESFORCE | ? | ? | c | - | HS | NOTHING       | - | -
            # SF delete propagates
            ALWAYS_SALESFORCE | a | a | a | - | SF | WRITE_HUBSPOT | - | -
            ALWAYS_SALESFORCE | a | a | c | b | HS | WRITE_HUBSPOT | b | -
            ALWAYS_SALESFORCE | ? | ? | c | b | HS | WRITE_HUBSPOT | b | -
            # --- Two-way ------------------------------------------------------------------------------------
            TWO_WAY | a | a | c | a | HS | WRITE_SALESFORCE | c | -
            TWO_WAY | a | a | a | b | SF | WRITE_HUBSPOT    | b | -
            # deletes in either system
            TWO_WAY | a | a | - | a | HS | WRITE_SALESFORCE | - | -
            TWO_WAY | a | a | a | - | SF | WRITE_HUBSPOT    | - | -
            # conflicts: most recent wins, loser kept
            TWO_WAY | a | a | c | b | HS | WRITE_SALESFORCE | c | SALESFORCE:b
            TWO_WAY | a | a | c | b | SF | WRITE_HUBSPOT    | b | HUBSPOT:c
            # both changed to the same value: nothing to do
            TWO_WAY | a | a | c | c | SF | NOTHING          | - | -
            # first sync: blank side is filled, disagreement goes to the most recent
            TWO_WAY | ? | ? | c | - | SF | WRITE_SALESFORCE | c | -
            TWO_WAY | ? | ? | - | b | HS | WRITE_HUBSPOT    | b | -
            TWO_WAY | ? | ? | c | b | HS | WRITE_SALESFORCE | c | SALESFORCE:b
            TWO_WAY | ? | ? | c | b | SF | WRITE_HUBSPOT    | b | HUBSPOT:c
            # --- Don't sync -----------------------------------------------------------------------------------
            DONT_SYNC | a | a | c | a | HS | NOTHING | - | -
            DONT_SYNC | a | a | a | b | SF | NOTHING | - | -
            DONT_SYNC | a | a | a | - | SF | NOTHING | - | -
            DONT_SYNC | ? | ? | c | - | HS | NOTHING | - | -
            """)
    void decisionTable(SyncRule rule, String hsLast, String sfLast, String hsNow, String sfNow, String newer,
            Action action, String value, String loser) {
        // given
        FieldState state = hsLast.equals("?")
                ? FieldState.initial("f", rule, v(hsNow), v(sfNow))
                : FieldState.of("f", rule, v(hsNow), v(sfNow), v(hsLast), v(sfLast));
        Instant hsAt = newer.equals("HS") ? LATER : EARLIER;
        Instant sfAt = newer.equals("SF") ? LATER : EARLIER;

        // when
        SyncDecision decision = FieldRule.decide(state, hsAt, sfAt);

        // then
        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.value()).isEqualTo(v(value));
        if (loser.equals("-")) {
            assertThat(decision.loser()).isNull();
        } else {
            String[] parts = loser.split(":");
            assertThat(decision.loser()).isEqualTo(new SyncDecision.Loser(CrmSide.valueOf(parts[0]), parts[1]));
        }
    }

    @Test
    void echoOfOwnWrite_isNoChange_soNothingSyncsBack() {
        // given: crm-sync wrote "b" to HubSpot last time and stored it as the last synced value on both sides
        FieldState afterOwnWrite = FieldState.of("f", SyncRule.TWO_WAY, "b", "b", "b", "b");

        // when
        SyncDecision decision = FieldRule.decide(afterOwnWrite, LATER, EARLIER);

        // then
        assertThat(decision.action()).isEqualTo(Action.NOTHING);
        assertThat(afterOwnWrite.hubspotChanged()).isFalse();
    }

    @Test
    void blankAndEmptyString_areTheSameValue() {
        // given: HubSpot reports "" for unset, Salesforce null
        FieldState state = FieldState.of("f", SyncRule.TWO_WAY, "", null, null, "");

        // when / then
        assertThat(FieldRule.decide(state, LATER, EARLIER).action()).isEqualTo(Action.NOTHING);
    }

    @Test
    void twoWayTie_goesToSalesforce_andKeepsHubSpotValueAsLoser() {
        // given
        FieldState state = FieldState.of("f", SyncRule.TWO_WAY, "c", "b", "a", "a");

        // when
        SyncDecision decision = FieldRule.decide(state, EARLIER, EARLIER);

        // then
        assertThat(decision.action()).isEqualTo(Action.WRITE_HUBSPOT);
        assertThat(decision.loser()).isEqualTo(new SyncDecision.Loser(CrmSide.HUBSPOT, "c"));
    }

    @Test
    void valuesAfterDecision_becomeTheNextLastSyncedValues() {
        // given
        FieldState state = FieldState.of("f", SyncRule.TWO_WAY, "c", "a", "a", "a");

        // when
        SyncDecision decision = FieldRule.decide(state, LATER, EARLIER);

        // then: both sides hold "c" afterwards, so the next poll sees no change
        assertThat(decision.hubspotAfter(state)).isEqualTo("c");
        assertThat(decision.salesforceAfter(state)).isEqualTo("c");
    }

    private static String v(String cell) {
        return cell == null || cell.equals("-") ? null : cell;
    }
}
