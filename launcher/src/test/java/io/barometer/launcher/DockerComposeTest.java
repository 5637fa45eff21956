package io.barometer.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run on the project's machines, so the compose file is checked against the services'
 * configuration instead: every BAROMETER_ variable it sets must be read by that service, and every
 * published port must be the service's own.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) throws IOException {
        return (Map<String, Object>) service(name).get("environment");
    }

    private static String configuration(String name) throws IOException {
        return Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml"));
    }

    @ParameterizedTest
    @CsvSource({"command-service, BAROMETER_COMMAND_PORT, 8081", "query-service, BAROMETER_QUERY_PORT, 8082",
            "web, BAROMETER_WEB_PORT, 8080"})
    @SuppressWarnings("unchecked")
    void everyVariableAndPortOfTheComposeFileExistsInTheServiceConfiguration(String name, String portVariable,
                                                                           int port) throws IOException {
        Map<String, Object> service = service(name);
        String config = configuration(name);
        Map<String, Object> environment = environment(name);

        List<String> variables = environment.keySet().stream().filter(k -> k.startsWith("BAROMETER_")).toList();
        assertThat(variables).contains("BAROMETER_DB_URL", "BAROMETER_DB_USER", "BAROMETER_DB_PASSWORD", portVariable);
        for (String variable : variables) {
            assertThat(config).as("%s reads %s", name, variable).contains("${" + variable + ":");
        }
        Matcher defaultPort = Pattern.compile("\\$\\{" + portVariable + ":(\\d+)}").matcher(config);
        assertThat(defaultPort.find()).as("%s has a default port", name).isTrue();
        assertThat(Integer.parseInt(defaultPort.group(1))).isEqualTo(port);
        assertThat(environment.get(portVariable).toString()).isEqualTo(Integer.toString(port));
        assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
        assertThat(service.get("healthcheck").toString()).contains("127.0.0.1/" + port);
        assertThat(Files.readString(ROOT.resolve(name).resolve("Dockerfile"))).contains("EXPOSE " + port);
    }

    @ParameterizedTest
    @CsvSource({"command-service, true", "query-service, true", "web, false"})
    void onlyTheServicesThatCheckTokensAreGivenTheJwtSecret(String name, boolean checksTokens) throws IOException {
        // The web passes the person's token on and never checks one: the secret would only be one more copy.
        assertThat(environment(name).containsKey("BAROMETER_JWT_SECRET")).as("%s gets the secret", name)
                .isEqualTo(checksTokens);
        assertThat(configuration(name).contains("${BAROMETER_JWT_SECRET")).as("%s reads the secret", name)
                .isEqualTo(checksTokens);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWebReachesBothServicesByTheirComposeNamesOnceTheyAreHealthy() throws IOException {
        Map<String, Object> environment = environment("web");

        assertThat(environment).containsEntry("BAROMETER_COMMAND_URL", "http://command-service:8081")
                .containsEntry("BAROMETER_QUERY_URL", "http://query-service:8082");
        Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service("web").get("depends_on");
        assertThat(dependsOn).containsOnlyKeys("command-service", "query-service");
        assertThat(dependsOn.values()).allSatisfy(d -> assertThat(d).containsEntry("condition", "service_healthy"));
    }

    @ParameterizedTest
    @CsvSource({"command-service", "query-service"})
    void theAxonServerProfileSwitchesTheServiceToAxonServer(String name) throws IOException {
        assertThat(service(name).toString()).contains("BAROMETER_AXONSERVER_ENABLED");
        assertThat(configuration(name)).contains("enabled: ${BAROMETER_AXONSERVER_ENABLED:false}");
    }
}
