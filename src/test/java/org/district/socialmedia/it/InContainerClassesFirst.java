package org.district.socialmedia.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.lang.reflect.Method;
import java.util.Comparator;

/**
 * Runs the in-container test classes (each deploys an archive of its own) before the client classes that share
 * one kept deployment ({@link OneDeploymentPerRun}), so the kept WAR is deployed once a run rather than again
 * after every in-container class. Only the speed depends on this order; no test does.
 */
public final class InContainerClassesFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((ClassDescriptor descriptor) -> !inContainer(descriptor.getTestClass()))
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    static boolean inContainer(Class<?> testClass) {
        for (Method method : testClass.getDeclaredMethods()) {
            Deployment deployment = method.getAnnotation(Deployment.class);
            if (deployment != null && deployment.testable()) {
                return true;
            }
        }
        return false;
    }
}
