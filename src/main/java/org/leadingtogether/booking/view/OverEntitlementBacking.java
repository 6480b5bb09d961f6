package org.leadingtogether.booking.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.booking.BookingService;
import org.leadingtogether.booking.Pages;

import java.io.Serializable;

/** A cohort's protected time beyond the entitlement, with the reasons ({@code /manager/protected-time.xhtml?cohort=…}). */
@Named
@ViewScoped
public class OverEntitlementBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookingService bookings;

    private Long cohort;
    private Pages.OverEntitlement page;

    public void load() {
        page = bookings.getOverEntitlement(cohort == null ? -1 : cohort);
    }

    public Long getCohort() {
        return cohort;
    }

    public void setCohort(Long cohort) {
        this.cohort = cohort;
    }

    public Pages.OverEntitlement getPage() {
        return page;
    }
}
