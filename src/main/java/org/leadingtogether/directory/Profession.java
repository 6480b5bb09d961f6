package org.leadingtogether.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.leadingtogether.platform.BaseEntity;

/**
 * A profession (nursing, social work, ...). Kept as data rather than an enum, so an administrator can add
 * the professions a system needs without a new release.
 */
@Entity
@Table(name = "profession")
@NamedQuery(name = "Profession.findAll", query = "SELECT p FROM Profession p ORDER BY p.name")
@NamedQuery(name = "Profession.findByName", query = "SELECT p FROM Profession p WHERE LOWER(p.name) = LOWER(:name)")
public class Profession extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 100;

    @NotBlank(message = "Enter the profession's name.")
    @Size(max = NAME_MAX, message = "Keep the name to {max} characters or fewer.")
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    protected Profession() {
        // for JPA and forms
    }

    public Profession(String name) {
        this.name = name;
    }

    /** A new, empty profession for a form to fill in. */
    public static Profession blank() {
        return new Profession();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.strip();
    }
}
