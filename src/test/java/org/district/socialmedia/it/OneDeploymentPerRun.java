package org.district.socialmedia.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.ContainerContext;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.StopSuiteContainers;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

import java.util.List;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Keeps a deployment from one test class to the next, instead of Arquillian's undeploy and deploy around every
 * class: each of those costs some seconds, and the next class then runs on a cold deployment whose classes the JIT
 * has not seen. A class's deployment is taken for the one kept when the archive deployed (a client deployment's
 * archive, an in-container one's testable archive) has the same name and the same entries: the client classes'
 * real WAR, and the in-container classes' one archive ({@link Deployments#inContainer()}). Any other deployment
 * first undeploys the kept one, as Arquillian would have. The kept deployment is undeployed before the suite's container stops, so a server left behind
 * holds nothing deployed. Tests must not count on a fresh deployment: what a class changes in memory (the
 * test clock, a rate limiter) it puts back itself, as it already must for what it changes in the database.
 */
public final class OneDeploymentPerRun implements LoadableExtension {

    private static final Logger LOG = Logger.getLogger(OneDeploymentPerRun.class.getName());

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
    }

    /** What is deployed and kept: the archive's identity, and what the container answered at the deployment. */
    private record Kept(String name, List<String> entries, String containerName, DeployableContainer<?> container,
                        Archive<?> archive, ProtocolMetaData metaData) {
    }

    public static final class Keeper {

        private static Kept kept;

        @Inject
        private Instance<ContainerContext> containerContext;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deployment;

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> metaData;

        // inside Arquillian's own interceptors, so the deployment context is active
        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws Exception {
            DeployDeployment event = context.getEvent();
            Deployment next = event.getDeployment();
            DeploymentDescription nextDescription = next.getDescription();
            Archive<?> archive = deployed(nextDescription);
            boolean reusable = archive != null;
            if (reusable && kept != null && kept.name().equals(archive.getName()) && kept.entries().equals(entries(archive))) {
                description.set(nextDescription);
                deployment.set(next);
                metaData.set(kept.metaData());
                next.deployed();
                return;
            }
            undeployKept();
            context.proceed();
            if (reusable && next.isDeployed()) {
                kept = new Kept(archive.getName(), entries(archive), event.getContainerName(),
                        event.getDeployableContainer(), archive, metaData.get());
            }
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            Deployment done = context.getEvent().getDeployment();
            DeploymentDescription doneDescription = done.getDescription();
            Archive<?> archive = deployed(doneDescription);
            if (kept != null && archive != null && kept.name().equals(archive.getName())
                    && kept.entries().equals(entries(archive))) {
                done.undeployed();
                return;
            }
            context.proceed();
        }

        public void stop(@Observes EventContext<StopSuiteContainers> context) throws Exception {
            try {
                undeployKept();
            } finally {
                context.proceed();
            }
        }

        // the container's deployer lives in its context, which is not active while the suite's containers stop
        private void undeployKept() throws Exception {
            if (kept == null) {
                return;
            }
            Kept leaving = kept;
            kept = null;
            ContainerContext context = containerContext.get();
            context.activate(leaving.containerName());
            try {
                leaving.container().undeploy(leaving.archive());
            } catch (Exception e) {
                LOG.warning("Could not undeploy the kept " + leaving.name() + ": " + e);
                throw e;
            } finally {
                context.deactivate();
            }
        }

        /** The archive the container gets for the deployment: a testable one for an in-container class; null if none. */
        private static Archive<?> deployed(DeploymentDescription description) {
            if (!description.isArchiveDeployment()) {
                return null;
            }
            return description.testable() ? description.getTestableArchive() : description.getArchive();
        }

        private static List<String> entries(Archive<?> archive) {
            TreeSet<String> paths = new TreeSet<>();
            archive.getContent().keySet().forEach(path -> paths.add(path.get()));
            return List.copyOf(paths);
        }
    }
}
