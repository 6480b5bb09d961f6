package org.leadingtogether.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;

/** An employer in the system: a trust, a practice, a council, a care provider or a charity. */
@Entity
@Table(name = "organisation")
@NamedQuery(name = "Organisation.findAll", query = "SELECT o FROM Organisation o ORDER BY o.name")
@NamedQuery(name = "Organisation.findByName", query = "SELECT o FROM Organisation o WHERE LOWER(o.name) = LOWER(:name)")
public class Organisation extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 200;

    @NotBlank(message = "Enter the organisation's name.")
    @Size(max = NAME_MAX, message = "Keep the name to {max} characters or fewer.")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @NotNull(message = "Choose the sector.")
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Sector sector;

    protected Organisation() {
        // for JPA and forms
    }

    public Organisation(String name, Sector sector) {
        this.name = name;
        this.sector = sector;
    }

    /** A new, empty organisation for a form to fill in. */
    public static Organisation blank() {
        return new Organisation();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }

    public Sector getSector() {
        return sector;
    }

    public void setSector(Sector sector) {
        this.sector = sector;
    }
}
