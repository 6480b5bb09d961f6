package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.MyDetails;
import org.leadingtogether.account.PortalAuthenticationMechanism;
import org.leadingtogether.platform.web.Messages;


/** Changing one's own password, also the page a temporary password leads to. */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private SignedIn signedIn;

    private MyDetails details;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public String change() {
        int accessVersion = accounts.changeOwnPassword(currentPassword, newPassword, confirmation);
        // Every other session of this person ends at its next request; this one carries on.
        PortalAuthenticationMechanism.keepThisSession(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(), accessVersion);
        signedIn.refresh();
        Messages.flashInfo("Your password has been changed.");
        return signedIn.getPerson().homePage().replace(".xhtml", "") + "?faces-redirect=true";
    }

    /** The caller's own details, read once for the page. */
    public MyDetails getDetails() {
        if (details == null) {
            details = accounts.getMyDetails();
        }
        return details;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
