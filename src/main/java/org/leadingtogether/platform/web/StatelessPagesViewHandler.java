package org.leadingtogether.platform.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * Marks the view of a page kept in no session ({@link StatelessPages}) the moment it is made, when the page is opened.
 * The layout's {@code f:view} would mark it only while the page is rendered, and by then PrimeFaces has put the
 * response's CSP nonce into the view (it keeps the nonce of a view that is not transient), which makes a session.
 */
public class StatelessPagesViewHandler extends ViewHandlerWrapper {

    public StatelessPagesViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && StatelessPages.isStateless(root.getViewId())) {
            root.setTransient(true);
        }
        return root;
    }
}
