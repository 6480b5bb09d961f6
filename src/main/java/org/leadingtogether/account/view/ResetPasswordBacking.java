package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.account.AccountService;

/**
 * The page a reset email links to: a form for the new password while the link works, else a way to ask for another.
 * After the change, the sign-in page (every session of the person has ended, this browser's included).
 */
@Named
@RequestScoped
public class ResetPasswordBacking {

    @Inject
    private AccountService accounts;

    private String token;
    private String newPassword;
    private String confirmation;
    private Boolean usable;

    /** Whether the link still works (asked once per request). */
    public boolean isUsable() {
        if (usable == null) {
            usable = accounts.isPasswordResetUsable(getToken());
        }
        return usable;
    }

    public String reset() {
        accounts.resetPassword(getToken(), newPassword, confirmation);
        return "/sign-in?passwordReset=true&faces-redirect=true";
    }

    /**
     * The link's token: from the address when the page is opened, from the form's hidden field when it is sent (read
     * straight from the request, as whether the form is shown at all depends on it before Faces applies any value).
     */
    public String getToken() {
        if (token == null) {
            token = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("token");
        }
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
