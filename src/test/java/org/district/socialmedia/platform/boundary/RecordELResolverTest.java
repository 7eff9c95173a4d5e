package org.district.socialmedia.platform.boundary;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.FunctionMapper;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordELResolverTest {

    record Row(String fullName, int count) {
    }

    record Other(int count, String label) {
    }

    private final ELResolver resolver = new RecordELResolver();

    /** A bare context: enough to see whether the resolver marked a property resolved. */
    private static ELContext context() {
        return new ELContext() {
            @Override
            public ELResolver getELResolver() {
                return null;
            }

            @Override
            public FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public VariableMapper getVariableMapper() {
                return null;
            }
        };
    }

    @Test
    void readsRecordComponentsAndLeavesOtherObjectsToOtherResolvers() {
        ELContext context = context();
        assertEquals("Maria", resolver.getValue(context, new Row("Maria", 3), "fullName"));
        assertTrue(context.isPropertyResolved());
        ELContext other = context();
        assertNull(resolver.getValue(other, "a string", "length"));
        assertFalse(other.isPropertyResolved());
        ELContext missing = context();
        assertNull(resolver.getValue(missing, new Row("Maria", 3), "nope"));
        assertFalse(missing.isPropertyResolved());
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = context();
        assertTrue(resolver.isReadOnly(context, new Row("M", 1), "count"));
        assertThrows(PropertyNotWritableException.class, () -> resolver.setValue(context, new Row("M", 1), "count", 2));
    }

    @Test
    void eachRecordClassKeepsItsOwnComponents() {
        for (int i = 0; i < 3; i++) {
            assertEquals(3, resolver.getValue(context(), new Row("Maria", 3), "count"));
            assertEquals(7, resolver.getValue(context(), new Other(7, "x"), "count"));
            ELContext otherHasNoName = context();
            assertNull(resolver.getValue(otherHasNoName, new Other(7, "x"), "fullName"));
            assertFalse(otherHasNoName.isPropertyResolved());
        }
    }
}
