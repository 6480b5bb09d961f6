package org.leadingtogether.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Profession;
import org.leadingtogether.directory.Sector;
import org.leadingtogether.platform.DemoMode;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Seeds a small, believable health and care system the first time the portal starts on an empty
 * database: four organisations across sectors and thirty people across professions, including the four
 * demo sign-ins listed in the README (password {@value #DEMO_PASSWORD}).
 *
 * <p>Whether to seed at all is {@link DemoMode}'s decision (by default: on the embedded database only;
 * the integration tests force it). Nothing is seeded into a database that already has people.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class DemoData {

    public static final String DEMO_PASSWORD = "demo-password";

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private DemoMode demoMode;

    @PostConstruct
    void seed() {
        if (!demoMode.isOn()) {
            return;
        }
        long people = em.createQuery("SELECT COUNT(p) FROM Person p", Long.class).getSingleResult();
        if (people > 0) {
            return;
        }
        Map<String, Organisation> organisations = new HashMap<>();
        for (Object[] row : new Object[][] {
                {"Riverside University Hospitals NHS Trust", Sector.NHS_TRUST},
                {"Northgate Primary Care Network", Sector.PRIMARY_CARE},
                {"Westmoor County Council Adult Social Care", Sector.LOCAL_AUTHORITY},
                {"Hearthstone Care Homes", Sector.INDEPENDENT_CARE},
                {"Carers Together (Westmoor)", Sector.VOLUNTARY_COMMUNITY}}) {
            Organisation organisation = new Organisation((String) row[0], (Sector) row[1]);
            em.persist(organisation);
            organisations.put(((Sector) row[1]).name(), organisation);
        }
        Map<String, Profession> professions = new HashMap<>();
        em.createNamedQuery("Profession.findAll", Profession.class).getResultList()
                .forEach(profession -> professions.put(profession.getName(), profession));

        // One hash for every demo person: PBKDF2 is slow by design, and this is demo data.
        String hash = passwords.hash(DEMO_PASSWORD);
        String[][] demo = {
                // email, given, family, job title, profession, sector of organisation, roles
                {"learner@demo.test", "Amara", "Okafor", "Ward manager", "Nursing", "NHS_TRUST", "LEARNER"},
                {"coach@demo.test", "Gareth", "Hughes", "Organisational development lead", "Management and non-clinical", "LOCAL_AUTHORITY", "COACH"},
                {"manager@demo.test", "Priya", "Raman", "Leadership programme manager", "Management and non-clinical", "NHS_TRUST", "PROGRAMME_MANAGER"},
                {"admin@demo.test", "Tom", "Barker", "Learning systems administrator", "Management and non-clinical", "NHS_TRUST", "ADMIN"},
                {"siobhan.kelly@demo.test", "Siobhán", "Kelly", "Advanced clinical practitioner", "Nursing", "PRIMARY_CARE", "LEARNER"},
                {"david.mensah@demo.test", "David", "Mensah", "Consultant geriatrician", "Medicine", "NHS_TRUST", "LEARNER"},
                {"fatima.ali@demo.test", "Fatima", "Ali", "Clinical pharmacist", "Pharmacy", "PRIMARY_CARE", "LEARNER"},
                {"rhys.evans@demo.test", "Rhys", "Evans", "Team leader, reablement", "Social work", "LOCAL_AUTHORITY", "LEARNER"},
                {"joanne.price@demo.test", "Joanne", "Price", "Registered manager", "Care management", "INDEPENDENT_CARE", "LEARNER"},
                {"kwame.boateng@demo.test", "Kwame", "Boateng", "Senior paramedic", "Paramedic", "NHS_TRUST", "LEARNER"},
                {"lucy.chen@demo.test", "Lucy", "Chen", "Occupational therapist", "Allied health", "LOCAL_AUTHORITY", "LEARNER"},
                {"mark.wilson@demo.test", "Mark", "Wilson", "Senior care assistant", "Support work", "INDEPENDENT_CARE", "LEARNER"},
                {"zoe.harris@demo.test", "Zoë", "Harris", "Volunteer coordinator", "Management and non-clinical", "VOLUNTARY_COMMUNITY", "LEARNER"},
                {"ahmed.hassan@demo.test", "Ahmed", "Hassan", "General practitioner", "Medicine", "PRIMARY_CARE", "LEARNER"},
                {"grace.adeyemi@demo.test", "Grace", "Adeyemi", "Community matron", "Nursing", "NHS_TRUST", "LEARNER"},
                {"owen.jones@demo.test", "Owen", "Jones", "Physiotherapist", "Allied health", "NHS_TRUST", "LEARNER"},
                {"hannah.morris@demo.test", "Hannah", "Morris", "Social worker", "Social work", "LOCAL_AUTHORITY", "LEARNER"},
                {"patrick.obrien@demo.test", "Patrick", "O'Brien", "Deputy manager", "Care management", "INDEPENDENT_CARE", "LEARNER"},
                {"sarah.patel@demo.test", "Sarah", "Patel", "Midwife", "Midwifery", "NHS_TRUST", "LEARNER"},
                {"emma.lewis@demo.test", "Emma", "Lewis", "Carers' support worker", "Support work", "VOLUNTARY_COMMUNITY", "LEARNER"},
                {"james.taylor@demo.test", "James", "Taylor", "Practice nurse", "Nursing", "PRIMARY_CARE", "LEARNER"},
                {"nia.roberts@demo.test", "Nia", "Roberts", "Speech and language therapist", "Allied health", "NHS_TRUST", "LEARNER"},
                {"daniel.wright@demo.test", "Daniel", "Wright", "Approved mental health professional", "Social work", "LOCAL_AUTHORITY", "LEARNER"},
                {"chloe.martin@demo.test", "Chloe", "Martin", "Care home nurse", "Nursing", "INDEPENDENT_CARE", "LEARNER"},
                {"helen.ward@demo.test", "Helen", "Ward", "Executive coach and former director of nursing", "Nursing", "VOLUNTARY_COMMUNITY", "COACH"},
                {"samuel.green@demo.test", "Samuel", "Green", "Accredited coach, primary care", "Medicine", "PRIMARY_CARE", "COACH"},
                {"ruth.campbell@demo.test", "Ruth", "Campbell", "Coach and social work educator", "Social work", "LOCAL_AUTHORITY", "COACH,LEARNER"},
                {"imran.qureshi@demo.test", "Imran", "Qureshi", "Head of workforce development", "Management and non-clinical", "LOCAL_AUTHORITY", "PROGRAMME_MANAGER"},
                {"beth.collins@demo.test", "Beth", "Collins", "Pharmacy technician", "Pharmacy", "NHS_TRUST", "LEARNER"},
                {"ali.khan@demo.test", "Ali", "Khan", "Care coordinator", "Care management", "VOLUNTARY_COMMUNITY", "LEARNER"}};
        for (String[] row : demo) {
            Person person = new Person(row[0], row[1], row[2]);
            person.setJobTitle(row[3]);
            person.setProfession(professions.get(row[4]));
            person.setOrganisation(organisations.get(row[5]));
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : row[6].split(",")) {
                roles.add(Role.valueOf(role));
            }
            person.setRoles(roles);
            person.changePassword(hash);
            em.persist(person);
        }
        LOG.info(() -> "Demo data seeded: " + demo.length + " people, sign in as learner@demo.test and others with '" + DEMO_PASSWORD + "'");
    }
}
