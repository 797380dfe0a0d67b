package com.leadcast.benchmark;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

import java.io.File;
import java.io.IOException;

/**
 * The Hibernate statistics of the deployment's {@code scim} persistence unit, read from outside the server through
 * WildFly's management API ({@code /deployment=<war>/subsystem=jpa/hibernate-persistence-unit=<war>#scim}), so that a
 * benchmark counts the statements of the very requests it sends without code of its own in the deployment. The
 * client connects to the management port of this build's server ({@code it.management.port}) and authenticates as
 * the local user, as {@code jboss-cli.sh} does on the same machine.
 *
 * <p>The counters are the persistence unit's, across all requests: they count one call's statements only while
 * nothing else runs, so {@link #preparedStatements} is read around requests sent one at a time.
 */
final class HibernateStatistics implements AutoCloseable {

    private static final String UNIT = "scim";

    private final ModelControllerClient client;
    private final ModelNode unit;

    private HibernateStatistics(ModelControllerClient client, ModelNode unit) {
        this.client = client;
        this.unit = unit;
    }

    /** The statistics of the WAR {@code it.war} names, as Arquillian deployed it (under its file name). */
    static HibernateStatistics connect() throws IOException {
        String war = new File(System.getProperty("it.war")).getName();
        ModelControllerClient client = ModelControllerClient.Factory.create("remote+http", "127.0.0.1",
                Integer.getInteger("it.management.port"));
        return new HibernateStatistics(client, Operations.createAddress("deployment", war, "subsystem", "jpa",
                "hibernate-persistence-unit", war + "#" + UNIT));
    }

    /**
     * Turns the collection of statistics on or off. They stay off while throughput is measured: collecting them
     * takes a few atomic updates and clock reads per statement, a cost the server does not pay in production.
     */
    void enable(boolean enabled) throws IOException {
        execute(Operations.createWriteAttributeOperation(unit, "statistics-enabled", enabled));
    }

    /** How many JDBC statements the unit has prepared since the server started (while statistics were on). */
    long preparedStatements() throws IOException {
        return execute(Operations.createReadAttributeOperation(unit, "prepared-statement-count")).asLong();
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode outcome = client.execute(operation);
        if (!Operations.isSuccessfulOutcome(outcome)) {
            throw new IOException("management operation " + operation + " failed: "
                    + Operations.getFailureDescription(outcome));
        }
        return Operations.readResult(outcome);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
