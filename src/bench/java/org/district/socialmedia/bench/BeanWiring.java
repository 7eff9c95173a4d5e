package org.district.socialmedia.bench;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import org.district.socialmedia.platform.control.DistrictTime;
import org.district.socialmedia.settings.boundary.SettingsDistrictTime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's beans outside the container, for benchmarks: each asked-for class is made once per wiring
 * (a wiring is one transaction's worth: one EntityManager), and every field marked {@code @Inject},
 * {@code @PersistenceContext} or {@code @Resource} gets a given value of its type, another bean made the same
 * way, or for an interface nothing was given for (a SessionContext without a caller, a CDI Event, a
 * TimerService) a stand-in whose methods do nothing and answer null, false or 0. So the benchmark runs the
 * application's own code, not a copy of its statements; what the container adds (interceptors, security,
 * transactions per method) is not in the figures.
 */
final class BeanWiring {

    private final List<Object> given;
    private final Map<Class<?>, Object> made = new HashMap<>();
    /** Interfaces the application implements itself (CDI would pick the one implementation). */
    private static final Map<Class<?>, Class<?>> IMPLEMENTATIONS = Map.of(DistrictTime.class, SettingsDistrictTime.class);

    BeanWiring(Object... given) {
        this.given = List.of(given);
    }

    <T> T get(Class<T> type) {
        for (Object value : given) {
            if (type.isInstance(value)) {
                return type.cast(value);
            }
        }
        Object bean = made.get(type);
        if (bean == null) {
            Class<?> implementation = IMPLEMENTATIONS.get(type);
            bean = implementation != null ? make(implementation) : type.isInterface() ? nothing(type) : make(type);
            made.put(type, bean);
        }
        return type.cast(bean);
    }

    private Object make(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object bean = constructor.newInstance();
            made.put(type, bean);
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || !(f.isAnnotationPresent(Inject.class)
                            || f.isAnnotationPresent(PersistenceContext.class) || f.isAnnotationPresent(Resource.class))) {
                        continue;
                    }
                    f.setAccessible(true);
                    f.set(bean, get(f.getType()));
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName() + " outside the container", e);
        }
    }

    private static Object nothing(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "nothing: " + type.getSimpleName();
                default:
                    break;
            }
            Class<?> r = method.getReturnType();
            if (r == boolean.class) {
                return false;
            }
            if (r == int.class || r == long.class || r == short.class || r == byte.class) {
                return r == long.class ? 0L : r == int.class ? 0 : r == short.class ? (short) 0 : (byte) 0;
            }
            if (r == double.class || r == float.class) {
                return r == double.class ? 0.0 : 0.0f;
            }
            return null;
        });
    }
}
