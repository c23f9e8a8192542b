package io.dreamloop.deploy;

import io.dreamloop.contracts.topic.Topics;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A service's configuration as Quarkus resolves it, read from the same files: the service's {@code
 * application.properties} (ordinal 250) over the platform defaults (ordinal 100), in the {@code
 * prod} profile, plus what the Maven build adds ({@code quarkus.application.version} = the module's
 * project version) and, for a container, its environment (ordinal 300).
 *
 * <p>SmallRye Config does the resolving (profiles, {@code ${...}} expressions, the environment
 * variable names), so the manifests are checked against what the service would really read, not
 * against a copy of the rules. Runs with the working directory {@code deploy/}.
 */
final class ServiceConfigs {
    static final Path ROOT = Path.of("..");
    static final Path PLATFORM_DEFAULTS =
            ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");

    /** Each service's module directory, relative to the repository root. */
    static final Map<String, String> MODULES =
            Map.of(
                    Topics.DESIGNER, "designer",
                    Topics.PREDICTOR, "predictor/service",
                    Topics.LAB_INGEST, "lab-ingest",
                    Topics.TRAINER, "trainer");

    /** The prefix of the environment variables Jib bakes into the image. */
    static final String IMAGE_ENVIRONMENT = "quarkus.jib.environment-variables.";

    private static final String APPLICATION_PROPERTIES =
            "src/main/resources/application.properties";
    private static final int ENVIRONMENT_ORDINAL = 300;
    private static final int APPLICATION_ORDINAL = 250;
    private static final int DEFAULTS_ORDINAL = 100;

    /** A property name referenced by an expression: {@code ${name}} or {@code ${name:default}}. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:$]+)");

    /** A profile-specific property name: {@code %embedded.quarkus.datasource...}. */
    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");

    private ServiceConfigs() {}

    /** The configuration the Maven build of the service sees. */
    static SmallRyeConfig build(final String service) {
        return config(service, Map.of());
    }

    /**
     * The configuration the service sees in its container: the build's, plus the environment Jib
     * bakes into the image, overridden by the environment a manifest sets.
     */
    static SmallRyeConfig container(final String service, final Map<String, String> manifest) {
        final Map<String, String> environment = new LinkedHashMap<>(imageEnvironment(service));
        environment.putAll(manifest);
        return config(service, environment);
    }

    /** The image the Maven build produces for the service: {@code group/name:tag}. */
    static String image(final String service) {
        final SmallRyeConfig config = build(service);
        return config.getValue("quarkus.container-image.group", String.class)
                + "/"
                + config.getValue("quarkus.container-image.name", String.class)
                + ":"
                + config.getValue("quarkus.container-image.tag", String.class);
    }

    /** The environment variables the image sets ({@code quarkus.jib.environment-variables.*}). */
    static Map<String, String> imageEnvironment(final String service) {
        final SmallRyeConfig config = build(service);
        final Map<String, String> environment = new LinkedHashMap<>();
        for (final String name : config.getPropertyNames()) {
            if (name.startsWith(IMAGE_ENVIRONMENT)) {
                environment.put(
                        name.substring(IMAGE_ENVIRONMENT.length()),
                        config.getValue(name, String.class));
            }
        }
        return environment;
    }

    /**
     * Every configuration key the service defines or reads through an expression, in its platform
     * defaults and its application.properties, without profile prefixes. (Keys that only a
     * {@code @ConfigMapping} default knows are not here: a manifest that sets one must name it in
     * application.properties first, which also documents it.)
     */
    static Set<String> keys(final String service) {
        final Set<String> keys = new TreeSet<>();
        for (final Properties properties :
                new Properties[] {load(PLATFORM_DEFAULTS), load(applicationProperties(service))}) {
            for (final String key : properties.stringPropertyNames()) {
                keys.add(PROFILE_PREFIX.matcher(key).replaceFirst(""));
                final Matcher references = EXPRESSION.matcher(properties.getProperty(key));
                while (references.find()) {
                    keys.add(references.group(1).strip());
                }
            }
        }
        return keys;
    }

    /** The environment variable SmallRye Config maps to a key: DREAMLOOP_DB_HOST for db.host. */
    static String environmentName(final String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The module's project version: its own {@code <version>}, else its parent's. */
    static String projectVersion(final String service) {
        final Element project = pom(service);
        final String own = child(project, "version");
        if (own != null) {
            return own;
        }
        final Node parent = project.getElementsByTagName("parent").item(0);
        final String inherited = parent == null ? null : child((Element) parent, "version");
        if (inherited == null) {
            throw new AssertionError(pomFile(service) + " has neither a version nor a parent's");
        }
        return inherited;
    }

    /** The service's pom.xml. */
    static Path pomFile(final String service) {
        return module(service).resolve("pom.xml");
    }

    /** The service's module directory. */
    static Path module(final String service) {
        final String module = MODULES.get(service);
        if (module == null) {
            throw new AssertionError("no module for service " + service);
        }
        return ROOT.resolve(module);
    }

    private static SmallRyeConfig config(
            final String service, final Map<String, String> environment) {
        try {
            return new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .addDefaultInterceptors()
                    .withDefaultValue("quarkus.application.version", projectVersion(service))
                    .withSources(
                            new PropertiesConfigSource(
                                    url(applicationProperties(service)), APPLICATION_ORDINAL),
                            new PropertiesConfigSource(url(PLATFORM_DEFAULTS), DEFAULTS_ORDINAL),
                            new EnvConfigSource(environment, ENVIRONMENT_ORDINAL))
                    .build();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path applicationProperties(final String service) {
        return module(service).resolve(APPLICATION_PROPERTIES);
    }

    private static URL url(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("missing " + file);
        }
        return file.toUri().toURL();
    }

    private static Properties load(final Path file) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Element pom(final String service) {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(pomFile(service).toFile())
                    .getDocumentElement();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot parse " + pomFile(service), e);
        }
    }

    /** The text of an element's direct child, or null. */
    private static String child(final Element element, final String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && name.equals(child.getTagName())) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }
}
