package io.crmsync.sandbox.salesforce.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.crmsync.sandbox.salesforce.schema.FieldDef.field;
import static io.crmsync.sandbox.salesforce.schema.FieldDef.formula;
import static io.crmsync.sandbox.salesforce.schema.FieldType.*;

/**
 * The sObjects the sandbox org has. Each has at least one formula field ({@code calculated: true}) computed from
 * other fields; Contact's {@code Account_Name__c} reads another record, so it can change while the Contact's
 * modstamps stay put - the case that makes polling miss formula changes in real orgs.
 */
public final class SandboxSchema {

    private final Map<String, ObjectDef> byLowerName = new LinkedHashMap<>();

    private SandboxSchema(List<ObjectDef> objects) {
        objects.forEach(o -> byLowerName.put(o.name().toLowerCase(Locale.ROOT), o));
    }

    public Optional<ObjectDef> object(String anyCase) {
        return Optional.ofNullable(byLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
    }

    public List<ObjectDef> objects() {
        return List.copyOf(byLowerName.values());
    }

    public Optional<ObjectDef> byKeyPrefix(String id) {
        if (id == null || id.length() < 3) {
            return Optional.empty();
        }
        String prefix = id.substring(0, 3);
        return byLowerName.values().stream().filter(o -> o.keyPrefix().equals(prefix)).findFirst();
    }

    public static SandboxSchema standard() {
        return new SandboxSchema(List.of(lead(), contact(), account(), opportunity(), task(), event(), caseObject(),
                campaign(), campaignMember(), invoice(), user(), opportunityContactRole()));
    }

    private static ObjectDef lead() {
        return ObjectDef.of("Lead", "00Q", List.of(
                field("FirstName", STRING).withLength(40),
                field("LastName", STRING).withLength(80).asRequired(),
                field("Company", STRING).asRequired(),
                field("Email", EMAIL),
                field("Phone", PHONE),
                field("Title", STRING).withLength(128),
                field("City", STRING).withLength(40),
                field("Country", STRING).withLength(80),
                field("Status", PICKLIST).withPicklist("Open - Not Contacted", "Working - Contacted",
                        "Closed - Converted", "Closed - Not Converted"),
                field("LeadSource", PICKLIST).withPicklist("Web", "Phone Inquiry", "Partner Referral", "Other"),
                field("IsConverted", BOOLEAN).readOnly(),
                field("ConvertedContactId", REFERENCE).referencing("Contact").readOnly(),
                field("ConvertedAccountId", REFERENCE).referencing("Account").readOnly(),
                field("ConvertedOpportunityId", REFERENCE).referencing("Opportunity").readOnly(),
                field("ConvertedDate", DATE).readOnly(),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Full_Name__c", STRING, "FirstName & \" \" & LastName",
                        (r, l) -> join(r.get("FirstName"), r.get("LastName")))), List.of());
    }

    private static ObjectDef contact() {
        return ObjectDef.of("Contact", "003", List.of(
                field("FirstName", STRING).withLength(40),
                field("LastName", STRING).withLength(80).asRequired(),
                field("Email", EMAIL),
                field("Phone", PHONE),
                field("Title", STRING).withLength(128),
                field("MailingCity", STRING).withLength(40),
                field("LeadSource", PICKLIST).withPicklist("Web", "Phone Inquiry", "Partner Referral", "Other"),
                field("AccountId", REFERENCE).referencing("Account"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Account_Name__c", STRING, "Account.Name", (r, l) -> {
                    Map<String, Object> account = r.get("AccountId") == null ? null
                            : l.find("Account", (String) r.get("AccountId"));
                    return account == null ? null : account.get("Name");
                })), List.of());
    }

    private static ObjectDef account() {
        return ObjectDef.of("Account", "001", List.of(
                field("Name", STRING).asRequired(),
                field("Industry", PICKLIST).withPicklist("Technology", "Finance", "Retail", "Other"),
                field("Website", URL),
                field("Phone", PHONE),
                field("BillingCity", STRING).withLength(40),
                field("AnnualRevenue", CURRENCY),
                field("NumberOfEmployees", INT),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Revenue_Per_Employee__c", CURRENCY, "AnnualRevenue / NumberOfEmployees", (r, l) -> {
                    BigDecimal revenue = (BigDecimal) r.get("AnnualRevenue");
                    Long employees = (Long) r.get("NumberOfEmployees");
                    return revenue == null || employees == null || employees == 0 ? null
                            : revenue.divide(BigDecimal.valueOf(employees), 2, RoundingMode.HALF_UP);
                })), List.of());
    }

    private static ObjectDef opportunity() {
        return ObjectDef.of("Opportunity", "006", List.of(
                field("Name", STRING).withLength(120).asRequired(),
                field("StageName", PICKLIST).asRequired().withPicklist("Prospecting", "Qualification",
                        "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost")
                        .restricted(),
                field("CloseDate", DATE).asRequired(),
                field("Amount", CURRENCY),
                field("Probability", PERCENT),
                field("AccountId", REFERENCE).referencing("Account"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("ExpectedRevenue", CURRENCY, "Amount * Probability / 100", (r, l) -> {
                    BigDecimal amount = (BigDecimal) r.get("Amount");
                    BigDecimal probability = (BigDecimal) r.get("Probability");
                    return amount == null || probability == null ? null
                            : amount.multiply(probability).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                })),
                List.of(new ValidationRule("Amount_Not_Negative", "Amount", "Amount cannot be negative",
                        r -> r.get("Amount") instanceof BigDecimal a && a.signum() < 0)));
    }

    private static ObjectDef task() {
        return ObjectDef.of("Task", "00T", List.of(
                field("Subject", STRING),
                field("Status", PICKLIST).withPicklist("Not Started", "In Progress", "Completed"),
                field("Priority", PICKLIST).withPicklist("High", "Normal", "Low"),
                field("Type", PICKLIST).withPicklist("Call", "Email", "Meeting", "Other"),
                // as the real API: set when the task is created (a logged call is "Call"), never changed after
                field("TaskSubtype", PICKLIST).withPicklist("Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn")
                        .createOnly(),
                field("CallDurationInSeconds", INT),
                field("CallType", PICKLIST).withPicklist("Internal", "Inbound", "Outbound"),
                field("CallDisposition", STRING),
                field("ActivityDate", DATE),
                field("Description", TEXTAREA),
                field("WhoId", REFERENCE).referencing("Contact", "Lead"),
                field("WhatId", REFERENCE).referencing("Account", "Opportunity", "Case"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Is_High_Priority__c", BOOLEAN, "ISPICKVAL(Priority, \"High\")",
                        (r, l) -> "High".equals(r.get("Priority")))), List.of());
    }

    private static ObjectDef event() {
        return ObjectDef.of("Event", "00U", List.of(
                field("Subject", STRING),
                field("StartDateTime", DATETIME),
                field("EndDateTime", DATETIME),
                field("DurationInMinutes", INT),
                field("Description", TEXTAREA),
                field("WhoId", REFERENCE).referencing("Contact", "Lead"),
                field("WhatId", REFERENCE).referencing("Account", "Opportunity", "Case"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Duration_Hours__c", DOUBLE, "DurationInMinutes / 60", (r, l) -> {
                    Long minutes = (Long) r.get("DurationInMinutes");
                    return minutes == null ? null
                            : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
                })), List.of());
    }

    private static ObjectDef caseObject() {
        return ObjectDef.of("Case", "500", List.of(
                field("Subject", STRING),
                field("Status", PICKLIST).withPicklist("New", "Working", "Escalated", "Closed").restricted(),
                field("Priority", PICKLIST).withPicklist("High", "Medium", "Low").restricted(),
                field("Origin", PICKLIST).withPicklist("Phone", "Email", "Web"),
                field("Description", TEXTAREA),
                field("ContactId", REFERENCE).referencing("Contact"),
                field("AccountId", REFERENCE).referencing("Account"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Is_Open__c", BOOLEAN, "NOT(ISPICKVAL(Status, \"Closed\"))",
                        (r, l) -> !"Closed".equals(r.get("Status")))), List.of());
    }

    private static ObjectDef campaign() {
        return ObjectDef.of("Campaign", "701", List.of(
                field("Name", STRING).withLength(80).asRequired(),
                field("IsActive", BOOLEAN),
                field("Status", PICKLIST).withPicklist("Planned", "In Progress", "Completed", "Aborted"),
                field("Type", PICKLIST).withPicklist("Email", "Webinar", "Conference", "Other"),
                field("StartDate", DATE),
                field("OwnerId", REFERENCE).referencing("User"),
                formula("Active_Label__c", STRING, "IF(IsActive, \"Active\", \"Inactive\")",
                        (r, l) -> Boolean.TRUE.equals(r.get("IsActive")) ? "Active" : "Inactive")), List.of());
    }

    private static ObjectDef campaignMember() {
        return ObjectDef.of("CampaignMember", "00v", List.of(
                field("CampaignId", REFERENCE).referencing("Campaign").asRequired(),
                field("LeadId", REFERENCE).referencing("Lead"),
                field("ContactId", REFERENCE).referencing("Contact"),
                field("Status", PICKLIST).withLength(40).withPicklist("Sent", "Responded"),
                field("HasResponded", BOOLEAN).readOnly(),
                formula("Member_Type__c", STRING, "IF(ISBLANK(ContactId), \"Lead\", \"Contact\")",
                        (r, l) -> r.get("ContactId") == null ? "Lead" : "Contact")), List.of());
    }

    /**
     * A contact's role on an opportunity: how Salesforce relates an opportunity to its contacts (HubSpot associates
     * the deal with them). Adding or removing a role does not touch the Opportunity's SystemModstamp.
     */
    private static ObjectDef opportunityContactRole() {
        return ObjectDef.of("OpportunityContactRole", "00K", List.of(
                field("OpportunityId", REFERENCE).referencing("Opportunity").asRequired(),
                field("ContactId", REFERENCE).referencing("Contact").asRequired(),
                field("Role", PICKLIST).withPicklist("Business User", "Decision Maker", "Economic Buyer",
                        "Economic Decision Maker", "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer",
                        "Other"),
                field("IsPrimary", BOOLEAN)), List.of());
    }

    /** The org's people: records' OwnerId points here; integrations match them to HubSpot owners by email. */
    private static ObjectDef user() {
        return ObjectDef.of("User", "005", List.of(
                field("FirstName", STRING).withLength(40),
                field("LastName", STRING).withLength(80).asRequired(),
                field("Email", EMAIL).asRequired(),
                field("Username", STRING).withLength(80),
                field("IsActive", BOOLEAN),
                formula("Name", STRING, "FirstName & \" \" & LastName",
                        (r, l) -> join(r.get("FirstName"), r.get("LastName")))), List.of());
    }

    private static ObjectDef invoice() {
        return ObjectDef.of("Invoice__c", "a00", List.of(
                field("Name", STRING).withLength(80).asRequired(),
                field("Amount__c", CURRENCY),
                field("Tax_Rate__c", PERCENT),
                field("Status__c", PICKLIST).withPicklist("Draft", "Sent", "Paid"),
                field("Account__c", REFERENCE).referencing("Account"),
                field("OwnerId", REFERENCE).referencing("User"),
                field("HubSpot_Id__c", STRING).withLength(64).asExternalId(),
                formula("Total__c", CURRENCY, "Amount__c * (1 + Tax_Rate__c / 100)", (r, l) -> {
                    BigDecimal amount = (BigDecimal) r.get("Amount__c");
                    BigDecimal rate = (BigDecimal) r.get("Tax_Rate__c");
                    if (amount == null) {
                        return null;
                    }
                    BigDecimal factor = BigDecimal.ONE.add(rate == null ? BigDecimal.ZERO
                            : rate.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
                    return amount.multiply(factor).setScale(2, RoundingMode.HALF_UP);
                })), List.of());
    }

    private static String join(Object first, Object last) {
        String f = first == null ? "" : first.toString();
        String l = last == null ? "" : last.toString();
        return (f + " " + l).trim();
    }
}
