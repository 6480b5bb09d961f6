package org.leadingtogether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessSessionBean;
import jakarta.enterprise.inject.spi.SessionBeanType;
import jakarta.interceptor.Interceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * One reference to each of the portal's stateless services, made once and shared by every bean that injects it, where
 * otherwise each page bean made its own at every request.
 *
 * <p>Why: a page's backing bean lives for one request and injects its feature's service ({@code @Inject ProgressService}).
 * A stateless enterprise bean injected that way is, in CDI, a dependent object: each injection makes a new reference
 * to the bean, which the application server looks up in its naming directory, and throws away at the end of the
 * request. A learner's home has four such page beans, and in the load tests' profiles this was 3 to 6 % of the
 * portal's CPU on request threads (src/load/MEASUREMENTS.md, the twenty-second and twenty-fifth machines). A reference
 * to a stateless bean holds no state of its own and may be used by any number of threads at once (each call is served
 * by a pooled instance of the bean), so one per service serves all.
 *
 * <p>How: for each stateless bean of the portal, this adds an application-scoped bean of the same type that holds one
 * reference to it, as an alternative enabled for the whole application ({@code priority}), so that every
 * {@code @Inject} of the service is given the shared one. Its id is fixed, so a session holding it can be read back on
 * another instance of a cluster. Every call still goes through the enterprise bean container as before: its roles
 * ({@code @RolesAllowed}), its transaction and its pool, for whoever is signed in on the calling thread at that moment.
 * Nothing else changes for the service or for the beans that use it.
 */
public class SharedServiceReferences implements Extension {

    private final List<Bean<?>> services = new ArrayList<>();

    <X> void found(@Observes ProcessSessionBean<X> event) {
        if (event.getSessionBeanType() == SessionBeanType.STATELESS
                && event.getBean().getBeanClass().getName().startsWith("org.leadingtogether.")) {
            services.add(event.getBean());
        }
    }

    void share(@Observes AfterBeanDiscovery event, BeanManager beans) {
        for (Bean<?> service : services) {
            Class<?> type = service.getBeanClass();
            event.addBean()
                    .id(SharedServiceReferences.class.getName() + ":" + type.getName())
                    .beanClass(SharedServiceReferences.class)
                    .types(service.getTypes())
                    .qualifiers(service.getQualifiers())
                    .scope(ApplicationScoped.class)
                    .alternative(true)
                    .priority(Interceptor.Priority.PLATFORM_AFTER)
                    .createWith(unused -> beans.getReference(service, type, beans.createCreationalContext(service)));
        }
    }
}
