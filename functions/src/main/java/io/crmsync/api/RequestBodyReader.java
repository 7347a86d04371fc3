package io.crmsync.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a request body into a typed value, refusing unknown properties so that a typo such as {@code "fliters"}
 * is reported instead of silently ignored.
 */
@ApplicationScoped
public class RequestBodyReader {

    private final ObjectMapper strictMapper;

    @Inject
    public RequestBodyReader(ObjectMapper mapper) {
        this.strictMapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("MISSING_BODY", "This route needs a JSON request body.", null);
        }
        try {
            T value = strictMapper.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("INVALID_BODY", "The request body is JSON null; this route needs a JSON "
                        + "object.", null);
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("UNKNOWN_PROPERTY", "Unknown property '" + e.getPropertyName()
                    + "'. Known properties: " + e.getKnownPropertyIds() + ".", path(e));
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest("INVALID_VALUE", "Value " + e.getValue() + " is not a valid "
                    + e.getTargetType().getSimpleName() + ".", path(e));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("INVALID_VALUE", "Wrong JSON type at '" + path(e) + "': expected "
                    + e.getTargetType().getSimpleName() + ".", path(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("MALFORMED_JSON", "The request body is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").", null);
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
