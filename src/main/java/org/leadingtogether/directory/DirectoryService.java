package org.leadingtogether.directory;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.util.List;

/**
 * The boundary of the directory: reading organisations and professions (anyone signed in) and keeping
 * them (administrators only). Names are unique regardless of case.
 */
@Stateless
public class DirectoryService {

    private static final String ADMIN = "ADMIN";

    @PersistenceContext
    private EntityManager em;

    @PermitAll
    public List<Organisation> findOrganisations() {
        return em.createNamedQuery("Organisation.findAll", Organisation.class).getResultList();
    }

    @PermitAll
    public List<Profession> findProfessions() {
        return em.createNamedQuery("Profession.findAll", Profession.class).getResultList();
    }

    @PermitAll
    public Organisation getOrganisation(long id) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw new NotFoundException("There is no such organisation.");
        }
        return organisation;
    }

    @PermitAll
    public Profession getProfession(long id) {
        Profession profession = em.find(Profession.class, id);
        if (profession == null) {
            throw new NotFoundException("There is no such profession.");
        }
        return profession;
    }

    /** Adds an organisation, or saves changes to one; refuses a name another organisation has. */
    @RolesAllowed(ADMIN)
    public Organisation saveOrganisation(Organisation organisation) {
        boolean taken = em.createNamedQuery("Organisation.findByName", Organisation.class)
                .setParameter("name", organisation.getName())
                .getResultStream()
                .anyMatch(other -> !other.getId().equals(organisation.getId()));
        if (taken) {
            throw new BusinessException("name", "There is already an organisation with this name.");
        }
        if (organisation.isNew()) {
            em.persist(organisation);
            return organisation;
        }
        return em.merge(organisation);
    }

    /** Adds a profession, or renames one; refuses a name another profession has. */
    @RolesAllowed(ADMIN)
    public Profession saveProfession(Profession profession) {
        boolean taken = em.createNamedQuery("Profession.findByName", Profession.class)
                .setParameter("name", profession.getName())
                .getResultStream()
                .anyMatch(other -> !other.getId().equals(profession.getId()));
        if (taken) {
            throw new BusinessException("name", "There is already a profession with this name.");
        }
        if (profession.isNew()) {
            em.persist(profession);
            return profession;
        }
        return em.merge(profession);
    }
}
