package io.crmsync.salesforce.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceErrorsTest {

    @Test
    void requestLimitExceeded_isDailyUnlessItNamesConcurrency() {
        assertThat(SalesforceErrors.fromResponse(403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))
                .isInstanceOf(DailyApiLimitExceededException.class)
                .isNotInstanceOf(TransientSalesforceException.class);
        assertThat(SalesforceErrors.fromResponse(403,
                "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))
                .isInstanceOf(ConcurrentRequestLimitException.class);
    }

    @Test
    void queryAndFieldErrors_keepCodeMessageAndFields() {
        SalesforceException e = SalesforceErrors.fromResponse(400, "[{\"message\":\"No such column 'X'\","
                + "\"errorCode\":\"INVALID_FIELD\",\"fields\":[\"X\"]}]");
        assertThat(e).isInstanceOf(InvalidFieldException.class);
        assertThat(e.fields()).containsExactly("X");
        assertThat(e.status()).isEqualTo(400);
        assertThat(SalesforceErrors.fromResponse(400, "[{\"message\":\"unexpected token\",\"errorCode\":"
                + "\"MALFORMED_QUERY\"}]")).isInstanceOf(MalformedQueryException.class);
    }

    @Test
    void unauthorized_isAnExpiredSession_evenWithoutABody() {
        assertThat(SalesforceErrors.fromResponse(401, null)).isInstanceOf(SessionExpiredException.class);
    }

    @Test
    void gatewayPage_isATransientServerError_withTheBodyShortened() {
        SalesforceException e = SalesforceErrors.fromResponse(502, "<html>" + "x".repeat(5000) + "</html>");
        assertThat(e).isInstanceOf(ServerErrorException.class).isInstanceOf(TransientSalesforceException.class);
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void otherForbiddenAnswers_arePermissionErrors() {
        assertThat(SalesforceErrors.fromResponse(403, "[{\"message\":\"no\",\"errorCode\":\"API_CURRENTLY_DISABLED\"}]"))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
