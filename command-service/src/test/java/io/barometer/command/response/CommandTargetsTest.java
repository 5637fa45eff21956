package io.barometer.command.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import io.barometer.command.campaign.MoveDeadline;

class CommandTargetsTest {

    /** Every response command, found on the class path so that a new one is checked too. */
    static List<Class<?>> responseCommands() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        scan.addIncludeFilter(new AssignableTypeFilter(ResponseCommand.class));
        List<Class<?>> found = new ArrayList<>();
        for (var definition : scan.findCandidateComponents("io.barometer.command")) {
            found.add(Class.forName(definition.getBeanClassName()));
        }
        return found;
    }

    /** A command whose response id and expected version are set, every other component left empty. */
    static Object sample(Class<?> type, String responseId, Long version) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = switch (components[i].getName()) {
                case "responseId" -> responseId;
                case "expectedVersion" -> version;
                default -> null;
            };
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    @Test
    void responseCommandsTargetWhatTheirAnnotationsSay() throws Exception {
        CommandTargets targets = new CommandTargets();
        var annotations = AnnotationCommandTargetResolver.builder().build();
        List<Class<?>> commands = responseCommands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(10);
        for (Class<?> type : commands) {
            for (Long version : new Long[] {null, 7L}) {
                var message = GenericCommandMessage.asCommandMessage(sample(type, "bvn-2014:rennes", version));
                assertThat(targets.resolveTarget(message)).as(type.getSimpleName() + " at version " + version)
                        .isEqualTo(annotations.resolveTarget(message));
                assertThat(targets.resolveTarget(message).getIdentifier()).isEqualTo("bvn-2014:rennes");
            }
        }
    }

    @Test
    void otherCommandsStillFollowTheirAnnotations() {
        var message = GenericCommandMessage.asCommandMessage(new MoveDeadline("bvn-2014", null));
        assertThat(new CommandTargets().resolveTarget(message).getIdentifier())
                .isEqualTo(new MoveDeadline("bvn-2014", null).aggregateId());
    }
}
