package org.district.socialmedia.platform;

import jakarta.inject.Inject;
import org.district.socialmedia.it.Deployments;
import org.district.socialmedia.it.TestTransactions;
import org.district.socialmedia.people.entity.OrgUnit;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inside the server: EclipseLink (not WildFly's Hibernate) runs the persistence unit, on the Flyway schema. */
@ExtendWith(ArquillianExtension.class)
class PersistenceProviderIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer();
    }

    @Inject
    TestTransactions tx;

    @Test
    void eclipseLinkIsTheProvider() {
        String factory = tx.inNewTransaction(em -> em.getEntityManagerFactory().getClass().getName());
        assertTrue(factory.startsWith("org.eclipse.persistence"), "EntityManagerFactory is " + factory);
        JpaEntityManager eclipseLink = tx.inNewTransaction(em -> em.unwrap(JpaEntityManager.class));
        assertNotNull(eclipseLink);
        String delegate = tx.inNewTransaction(em -> em.getDelegate().getClass().getName());
        assertFalse(delegate.contains("hibernate"), "delegate is " + delegate);
    }

    @Test
    void persistsAndReadsAnEntityThroughEclipseLink() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Long id = tx.inNewTransaction(em -> {
            OrgUnit unit = new OrgUnit(code, "Persistence test school " + code, OrgUnit.Kind.SCHOOL);
            em.persist(unit);
            em.flush();
            return unit.getId();
        });
        assertNotNull(id, "the sequence gave an id");
        OrgUnit read = tx.inNewTransaction(em -> em.createNamedQuery(OrgUnit.BY_CODE, OrgUnit.class)
                .setParameter("code", code).getSingleResult());
        assertEquals(id, read.getId());
        assertEquals("Persistence test school " + code, read.getName());
        assertEquals(OrgUnit.Kind.SCHOOL, read.getKind());
    }

    @Test
    void flywayAppliedTheMigrations() {
        Number applied = tx.inNewTransaction(em -> (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'").getSingleResult());
        assertEquals(1, applied.intValue());
    }
}
