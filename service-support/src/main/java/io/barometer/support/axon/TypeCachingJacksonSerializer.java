package io.barometer.support.axon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's JacksonSerializer, remembering the class of each stored type name. Axon asks for a message's
 * payload class many times per event (each handler of a processor checks whether it can take the event),
 * and each time the serializer looked the class up again through {@code Class.forName} and the class
 * loader: a tenth of query-service's CPU during a replay. A name resolves to the same class for the life
 * of the JVM, an unknown one included (Axon's UnknownSerializedType).
 */
public class TypeCachingJacksonSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    public TypeCachingJacksonSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> resolved = super.classForType(type);
        classes.put(type.getName(), resolved);
        return resolved;
    }
}
