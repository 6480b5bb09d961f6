package org.leadingtogether.learning;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.framework.FrameworkService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reads the content folder and applies what is valid, in one transaction. Frameworks are created or
 * updated; each valid module is created or updated when its files changed; a module whose files are
 * broken keeps its last good version live; a module whose folder is gone is taken off the catalogue.
 * Every run is recorded with its problems. Called at start-up and by {@link LearningService#reloadContent}.
 */
@Stateless
public class ContentImport {

    private static final Logger LOG = Logger.getLogger(ContentImport.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "content.dir", defaultValue = "content")
    private String contentDir;

    private final QuestionsCodec questions = new QuestionsCodec();

    @jakarta.inject.Inject
    private org.leadingtogether.platform.ReferenceCache cache;

    public ContentImportRun run(String trigger) {
        Path root = Path.of(contentDir).toAbsolutePath().normalize();
        ContentSnapshot snapshot = ContentReader.read(root);
        cache.forgetAfterCommit();
        frameworks.apply(snapshot.frameworks());

        int changed = 0;
        Set<String> valid = new HashSet<>();
        for (ModuleDefinition definition : snapshot.modules()) {
            valid.add(definition.key());
            LearningModule module = em.createNamedQuery("LearningModule.findByKey", LearningModule.class)
                    .setParameter("key", definition.key())
                    .getResultStream().findFirst()
                    .orElseGet(() -> {
                        LearningModule created = new LearningModule(definition.key());
                        em.persist(created);
                        return created;
                    });
            if (module.isNew() || module.differsFrom(definition)) {
                module.update(definition, questions);
                changed++;
            }
        }
        List<LearningModule> all = em.createNamedQuery("LearningModule.findAll", LearningModule.class).getResultList();
        for (LearningModule module : all) {
            boolean folderGone = module.getSourcePath() != null
                    && !Files.exists(root.resolve(module.getSourcePath()).getParent());
            if (!valid.contains(module.getModuleKey()) && folderGone && module.isPublished()) {
                module.unpublish();
                changed++;
            }
        }
        int live = (int) all.stream().filter(LearningModule::isPublished).count();
        ContentImportRun run = new ContentImportRun(clock.instant(), trigger, root.toString(), live, changed, snapshot.errors(),
                snapshot.warnings());
        em.persist(run);
        int changedModules = changed;
        LOG.info(() -> "Content imported from " + root + ": " + live + " modules live, " + changedModules
                + " changed, " + snapshot.errors().size() + " problems, " + snapshot.warnings().size() + " warnings");
        snapshot.errors().forEach(error -> LOG.warning(() -> "Content problem: " + error));
        snapshot.warnings().forEach(warning -> LOG.info(() -> "Content warning: " + warning));
        return run;
    }
}
