package com.leadcast.config;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place the service reads its process's configuration. A setting's variable ({@code LEADCAST_...}) is looked
 * up through MicroProfile Config: the JVM's system properties, the environment, and any config source the server
 * adds (WildFly's {@code microprofile-config-smallrye} subsystem, e.g. a directory of mounted secret files). Any
 * variable may instead be given as a file, Docker's and Kubernetes' way with secrets: {@code LEADCAST_X_FILE} names a
 * file whose content, trimmed, is the value of {@code LEADCAST_X}; giving both is refused. A component's system
 * properties ({@code leadcast.x}, for tests and overrides) are read here too. Each component validates what it reads
 * when the application starts, naming the setting, never a secret's value.
 */
public final class Settings {

    /** The suffix of a variable that names a file holding the value. */
    public static final String FILE_SUFFIX = "_FILE";

    private final UnaryOperator<String> source;
    private final UnaryOperator<String> properties;

    Settings(UnaryOperator<String> source, UnaryOperator<String> properties) {
        this.source = source;
        this.properties = properties;
    }

    /** The settings of this process, through MicroProfile Config. */
    public static Settings ofProcess() {
        return new Settings(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null),
                System::getProperty);
    }

    /**
     * The variables, by name: a lookup answering null when unset.
     *
     * @throws IllegalArgumentException (from the lookup) when both a variable and its {@code _FILE} are given, or the
     *                                  file cannot be read
     */
    public UnaryOperator<String> variables() {
        return this::variable;
    }

    /** The JVM system properties, by name: a lookup answering null when unset. */
    public UnaryOperator<String> properties() {
        return properties;
    }

    /** The value of {@code variable}, or of the file {@code variable_FILE} names; empty when neither is given. */
    public Optional<String> value(String variable) {
        return Optional.ofNullable(variable(variable)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private String variable(String name) {
        String value = blankAsNull(source.apply(name));
        String file = blankAsNull(source.apply(name + FILE_SUFFIX));
        if (file == null) {
            return value;
        }
        if (value != null) {
            throw new IllegalArgumentException(name + " and " + name + FILE_SUFFIX + " are both set: give the value "
                    + "in one of them only");
        }
        Path path = Path.of(file.trim());
        try {
            return Files.readString(path, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(name + FILE_SUFFIX + " names " + path + ", which this server cannot "
                    + "read (" + e.getClass().getSimpleName() + "): give the path of a readable file holding the "
                    + "value of " + name);
        }
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
