package io.crmsync.sandbox.salesforce.http;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.crmsync.sandbox.salesforce.store.WriteError;
import io.vertx.ext.web.RoutingContext;

/**
 * The SOAP API's {@code convertLead} (partner WSDL, {@code POST /services/Soap/u/{version}}), as jsforce's
 * {@code conn.soap.convertLead} sends it: the session id in {@code SessionHeader}, one {@code leadConverts} per lead,
 * one {@code result} per lead with {@code accountId}, {@code contactId}, {@code opportunityId} and {@code success} or
 * its {@code errors}. Other SOAP calls answer a fault. A bad session is the SOAP fault {@code INVALID_SESSION_ID}.
 */
public final class SoapRoutes {

    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
            + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns=\"urn:partner.soap.sforce.com\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>";
    private static final String ENVELOPE_END = "</soapenv:Body></soapenv:Envelope>";

    private final SandboxStore store;
    private final Sessions sessions;
    private final ApiBudget budget;

    public SoapRoutes(SandboxStore store, Sessions sessions, ApiBudget budget) {
        this.store = store;
        this.sessions = sessions;
        this.budget = budget;
    }

    public void handle(RoutingContext ctx) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                    ctx.body().asString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            fault(ctx, "soapenv:Client", "Unable to parse the SOAP request: " + e.getMessage());
            return;
        }
        String session = text(doc.getDocumentElement(), "sessionId");
        if (!sessions.valid(session)) {
            fault(ctx, "sf:INVALID_SESSION_ID", "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: "
                    + "Illegal Session");
            return;
        }
        if (!budget.trySpend()) {
            fault(ctx, "sf:REQUEST_LIMIT_EXCEEDED", "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
            return;
        }
        NodeList converts = doc.getElementsByTagNameNS("*", "leadConverts");
        if (doc.getElementsByTagNameNS("*", "convertLead").getLength() == 0) {
            fault(ctx, "sf:INVALID_OPERATION", "The sandbox's SOAP API offers convertLead only");
            return;
        }
        StringBuilder out = new StringBuilder(ENVELOPE_START).append("<convertLeadResponse>");
        for (int i = 0; i < converts.getLength(); i++) {
            Element c = (Element) converts.item(i);
            String leadId = text(c, "leadId");
            out.append("<result>");
            try {
                var done = store.convertLead(leadId, text(c, "convertedStatus"), text(c, "accountId"),
                        text(c, "contactId"), "true".equals(text(c, "doNotCreateOpportunity")),
                        text(c, "opportunityName"));
                out.append(element("accountId", done.accountId())).append(element("contactId", done.contactId()))
                        .append(element("leadId", done.leadId()))
                        .append(done.opportunityId() == null ? "<opportunityId xsi:nil=\"true\"/>"
                                : element("opportunityId", done.opportunityId()))
                        .append("<success>true</success>");
            } catch (WriteError.WriteException e) {
                out.append("<accountId xsi:nil=\"true\"/><contactId xsi:nil=\"true\"/>")
                        .append("<errors>").append(element("message", e.error().message()))
                        .append(element("statusCode", e.error().statusCode())).append("</errors>")
                        .append(element("leadId", leadId)).append("<opportunityId xsi:nil=\"true\"/>")
                        .append("<success>false</success>");
            }
            out.append("</result>");
        }
        out.append("</convertLeadResponse>").append(ENVELOPE_END);
        ctx.response().setStatusCode(200).putHeader("Content-Type", "text/xml;charset=UTF-8").end(out.toString());
    }

    private static void fault(RoutingContext ctx, String code, String message) {
        ctx.response().setStatusCode(500).putHeader("Content-Type", "text/xml;charset=UTF-8").end(ENVELOPE_START
                + "<soapenv:Fault>" + element("faultcode", code) + element("faultstring", message)
                + "</soapenv:Fault>" + ENVELOPE_END);
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            return null;
        }
        Node n = nodes.item(0);
        String value = n.getTextContent();
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String element(String name, String value) {
        return "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
