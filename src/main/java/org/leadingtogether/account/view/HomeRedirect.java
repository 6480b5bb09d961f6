package org.leadingtogether.account.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;

/** The front door: a signed-in person goes to the home of their first role, anyone else to sign in. */
@Named
@RequestScoped
public class HomeRedirect {

    @Inject
    private SignedIn signedIn;

    @Inject
    private FacesContext faces;

    /** Without a session nobody is signed in, and {@link SignedIn} is not asked: asking would make a session to keep it in. */
    public void go() throws IOException {
        ExternalContext external = faces.getExternalContext();
        String target = external.getSession(false) == null ? "/sign-in.xhtml"
                : signedIn.find().map(person -> person.homePage()).orElse("/sign-in.xhtml");
        external.redirect(external.getRequestContextPath() + target);
    }
}
