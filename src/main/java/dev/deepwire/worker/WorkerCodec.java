package dev.deepwire.worker;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.deepwire.training.TrainingEvent;
import java.util.Arrays;

/** Turns {@link WorkerMessage}s into single JSON lines and back (NaN and infinities included). */
final class WorkerCodec {
    /** Training events carry their record's name, taken from the sealed interface's permitted types. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    private interface EventTypes {
    }

    private final ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    WorkerCodec() {
        mapper.addMixIn(TrainingEvent.class, EventTypes.class);
        mapper.registerSubtypes(Arrays.stream(TrainingEvent.class.getPermittedSubclasses())
                .map(c -> new NamedType(c, c.getSimpleName())).toArray(NamedType[]::new));
    }

    String encode(WorkerMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    WorkerMessage decode(String line) throws JsonProcessingException {
        return mapper.readValue(line, WorkerMessage.class);
    }
}
