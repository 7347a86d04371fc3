package io.crmsync.sync.translate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A call's length: HubSpot's {@code hs_call_duration} is in milliseconds, Salesforce's {@code CallDurationInSeconds}
 * in whole seconds. Milliseconds round to the nearest second on the way to Salesforce (its unit), so a HubSpot call of
 * 90.4 s is a 90 s call Task.
 */
public final class CallDurationTranslation implements ValueTranslation {

    public static final CallDurationTranslation INSTANCE = new CallDurationTranslation();
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private CallDurationTranslation() {
    }

    @Override
    public Translated toHubSpot(String seconds) {
        return number(seconds)
                .map(s -> Translated.of(s.multiply(THOUSAND).setScale(0, RoundingMode.HALF_UP).toPlainString()))
                .orElseGet(() -> notANumber("Salesforce CallDurationInSeconds", seconds));
    }

    @Override
    public Translated toSalesforce(String milliseconds) {
        return number(milliseconds)
                .map(ms -> Translated.of(ms.divide(THOUSAND, 0, RoundingMode.HALF_UP).toPlainString()))
                .orElseGet(() -> notANumber("HubSpot hs_call_duration", milliseconds));
    }

    private static java.util.Optional<BigDecimal> number(String value) {
        try {
            BigDecimal n = new BigDecimal(value.trim());
            return n.signum() < 0 ? java.util.Optional.empty() : java.util.Optional.of(n);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Translated notANumber(String what, String value) {
        return Translated.untranslatable(what + " value '" + value + "' is not a call length (a number of "
                + (what.startsWith("HubSpot") ? "milliseconds" : "seconds") + ", 0 or more). Correct it on the call,"
                + " then retry this error.");
    }
}
