package org.leadingtogether.framework;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.platform.NotFoundException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The boundary of the framework feature: reading the active framework (anyone signed in), listing
 * versions and choosing the active one (administrators), and applying framework files during a content
 * import.
 */
@Stateless
public class FrameworkService {

    @PersistenceContext
    private EntityManager em;

    @jakarta.inject.Inject
    private org.leadingtogether.platform.ReferenceCache cache;

    /** The framework learners rate themselves against, if one has been loaded (kept in the reference cache). */
    @PermitAll
    public Optional<FrameworkView> findActive() {
        return cache.get("framework.active",
                () -> em.createNamedQuery("Framework.findActive", Framework.class).getResultStream().findFirst().map(this::view));
    }

    /** A framework version by id, whether active or not (old assessments refer to old versions); kept in the reference cache. */
    @PermitAll
    public FrameworkView getFramework(long id) {
        return cache.get("framework." + id, () -> {
            Framework framework = em.find(Framework.class, id);
            if (framework == null) {
                throw new NotFoundException("There is no such framework.");
            }
            return view(framework);
        });
    }

    /**
     * For every element code of every version: its dimension (that of the active version where versions share a
     * code). One query, kept in the reference cache: the catalogue and every module page ask for it.
     */
    @PermitAll
    public Map<String, DimensionRef> findDimensionsByElementCode() {
        return cache.get("framework.dimensionsByElement", () -> {
            Map<String, DimensionRef> byCode = new HashMap<>();
            em.createQuery("SELECT e.code, d.code, d.name, f.active FROM Element e JOIN e.dimension d JOIN d.framework f", Object[].class)
                    .getResultList()
                    .forEach(row -> {
                        DimensionRef ref = new DimensionRef((String) row[1], (String) row[2], (Boolean) row[3]);
                        byCode.merge((String) row[0], ref, (old, candidate) -> candidate.activeFramework() ? candidate : old);
                    });
            return Map.copyOf(byCode);
        });
    }

    @RolesAllowed("ADMIN")
    public List<FrameworkSummary> findFrameworks() {
        return em.createNamedQuery("Framework.findAll", Framework.class).getResultList().stream()
                .map(f -> new FrameworkSummary(f.getId(), f.getTitle(), f.getFrameworkVersion(), f.isActive(),
                        f.getDimensions().size(),
                        f.getDimensions().stream().mapToInt(d -> d.getElements().size()).sum(),
                        f.getSourcePath()))
                .toList();
    }

    /** Makes one version the active one; the others stay, with everything that refers to them. */
    @RolesAllowed("ADMIN")
    public void activate(long id) {
        Framework chosen = em.find(Framework.class, id);
        if (chosen == null) {
            throw new NotFoundException("There is no such framework.");
        }
        em.createNamedQuery("Framework.findActive", Framework.class).getResultList().forEach(Framework::deactivate);
        chosen.activate();
        cache.forgetAfterCommit();
    }

    /**
     * Applies the framework files of a content import: each version is created or brought up to date.
     * The version a file marks active becomes the active one when no version is active yet, or when its file has
     * just started to say so (it is new, or said {@code active: false} at the last import): that is how a new
     * edition takes over from the one before. Otherwise an administrator's choice on the Content page stands,
     * however often content is reloaded. Called by the content import only, inside its transaction.
     */
    public void apply(List<FrameworkDefinition> definitions) {
        cache.forgetAfterCommit();
        boolean anyActive = !em.createNamedQuery("Framework.findActive", Framework.class).getResultList().isEmpty();
        for (FrameworkDefinition definition : definitions) {
            Framework framework = em.createNamedQuery("Framework.findByCodeAndVersion", Framework.class)
                    .setParameter("code", definition.code())
                    .setParameter("version", definition.version())
                    .getResultStream().findFirst()
                    .orElseGet(() -> {
                        Framework created = new Framework(definition.code(), definition.version());
                        em.persist(created);
                        return created;
                    });
            boolean newlyDeclared = framework.update(definition);
            if (definition.active() && (!anyActive || newlyDeclared) && !framework.isActive()) {
                em.createNamedQuery("Framework.findActive", Framework.class).getResultList()
                        .forEach(Framework::deactivate);
                framework.activate();
                anyActive = true;
            }
        }
    }

    private FrameworkView view(Framework framework) {
        List<Dimension> dimensions = em.createQuery(
                        "SELECT DISTINCT d FROM Dimension d LEFT JOIN FETCH d.elements WHERE d.framework = :f ORDER BY d.position",
                        Dimension.class)
                .setParameter("f", framework)
                .getResultList();
        // Every element's behaviours in one statement, in each element's order, rather than one statement an element.
        Map<Long, List<String>> behaviours = new HashMap<>();
        em.createQuery("""
                        SELECT e.id, b FROM Element e JOIN e.behaviours b
                        WHERE e.dimension.framework = :f ORDER BY e.id, INDEX(b)""", Object[].class)
                .setParameter("f", framework).getResultList()
                .forEach(row -> behaviours.computeIfAbsent((Long) row[0], id -> new java.util.ArrayList<>()).add((String) row[1]));
        return new FrameworkView(framework.getId(), framework.getCode(), framework.getFrameworkVersion(),
                framework.getTitle(), framework.getShortTitle(),
                framework.getScale().stream().map(p -> new FrameworkView.Scale(p.getValue(), p.getLabel(), p.getDescription())).toList(),
                dimensions.stream().map(d -> new FrameworkView.DimensionView(d.getId(), d.getCode(), d.getName(), d.getTier(),
                        d.getDescription(),
                        d.getElements().stream()
                                .sorted(java.util.Comparator.comparingInt(Element::getPosition))
                                .map(e -> new FrameworkView.ElementView(e.getId(), e.getCode(), e.getName(), e.getDescription(),
                                        behaviours.getOrDefault(e.getId(), List.of())))
                                .toList()))
                        .toList(),
                framework.getNotice(), framework.getReplacesCode(), framework.getReplacesVersion(),
                framework.getCrosswalk().stream().collect(java.util.stream.Collectors.groupingBy(CrosswalkLink::getFromCode,
                        java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(CrosswalkLink::getToCode,
                                java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                                        l -> l.stream().sorted().toList())))));
    }
}
