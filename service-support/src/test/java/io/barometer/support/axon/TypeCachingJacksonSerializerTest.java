package io.barometer.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Each stored type name is resolved to its class once; what Axon gets back is what it got before. */
class TypeCachingJacksonSerializerTest {

    record Sample(String name, int count) {
    }

    private final AtomicInteger lookups = new AtomicInteger();
    private final TypeCachingJacksonSerializer serializer = new TypeCachingJacksonSerializer(
            JacksonSerializer.builder().objectMapper(new ObjectMapper())) {
        @Override
        protected String resolveClassName(SerializedType type) {
            lookups.incrementAndGet();
            return super.resolveClassName(type);
        }
    };

    @Test
    void aKnownTypeIsLookedUpOnceAndAlwaysGivesItsClass() {
        SerializedType type = new SimpleSerializedType(Sample.class.getName(), null);
        for (int i = 0; i < 5; i++) {
            assertThat(serializer.classForType(type)).isEqualTo(Sample.class);
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void anUnknownTypeStaysUnknownAndTheEmptyTypeIsVoid() {
        SerializedType unknown = new SimpleSerializedType("io.barometer.events.NoSuchEvent", "1");
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(unknown)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void payloadsStillRoundTrip() {
        SerializedObject<byte[]> stored = serializer.serialize(new Sample("Metz", 3), byte[].class);
        Sample first = serializer.deserialize(stored);
        Sample second = serializer.deserialize(stored);
        assertThat(first).isEqualTo(new Sample("Metz", 3)).isEqualTo(second);
        assertThat(lookups).hasValue(1);
    }
}
