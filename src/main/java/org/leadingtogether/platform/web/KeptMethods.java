package org.leadingtogether.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls the methods a page asks of its data without arguments ({@code #{o.learning().hasNext()}},
 * {@code #{signedIn.person.fullName()}}), each found once per class and kept, where the expression language's
 * standard resolver finds it again at every call.
 *
 * <p>Why: the version of the expression language this stack has gives records no properties, so the portal's pages call
 * records' accessors with parentheses, a few dozen times a page. The standard resolver ({@code BeanELResolver}) meets
 * each such call by copying and searching the class's whole list of public methods, which took 2 to 4 % of the
 * portal's CPU per page in the load tests' profiles (src/load/MEASUREMENTS.md, from the thirteenth machine). Here
 * the lookup is made once per class ({@link ClassValue}, so a class unloaded with an old deployment takes its entry
 * with it).
 *
 * <p>Only what is unambiguous is taken: a public method of a public class, declared by that class, with no parameters,
 * not static and not a compiler's bridge. Everything else (arguments, inherited methods, classes that are not public,
 * properties) is left to the resolvers after this one, so the pages behave exactly as before.
 */
public class KeptMethods extends ELResolver {

    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> methods = new HashMap<>();
            if (!Modifier.isPublic(type.getModifiers())) {
                return methods;
            }
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && method.getParameterCount() == 0
                        && !method.isBridge() && !method.isSynthetic()) {
                    methods.put(method.getName(), method);
                }
            }
            return Map.copyOf(methods);
        }
    };

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base == null || method == null || (params != null && params.length > 0)) {
            return null;
        }
        Method found = METHODS.get(base.getClass()).get(method.toString());
        if (found == null) {
            return null;
        }
        try {
            Object result = found.invoke(base);
            context.setPropertyResolved(base, method);
            return result;
        } catch (InvocationTargetException thrown) {
            throw new ELException(thrown.getCause());
        } catch (IllegalAccessException notAllowed) {
            throw new ELException(notAllowed);
        }
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // properties are the next resolvers' business
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
