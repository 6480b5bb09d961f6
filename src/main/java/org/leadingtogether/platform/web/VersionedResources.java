package org.leadingtogether.platform.web;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives the portal's own style sheets and scripts addresses that change when their content does: {@code rev=} and
 * the first twelve hex digits of the file's SHA-256, added to the address Faces makes. Browsers may then keep them
 * for a year (Faces says so, {@code com.sun.faces.defaultResourceMaxAge} in web.xml), and a new release is still
 * fetched at once, because its changed files have new addresses.
 *
 * <p>Why only the portal's own: PrimeFaces already adds its release ({@code v=}) to the addresses of its resources.
 * The digest is taken once per resource, the first time a page asks for its address.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    /** The query parameter that carries a resource's content digest. */
    public static final String PARAMETER = "rev";

    private final Map<String, String> digests = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String resourceName) {
        return versioned(super.createResource(resourceName));
    }

    @Override
    public Resource createResource(String resourceName, String libraryName) {
        Resource resource = super.createResource(resourceName, libraryName);
        return libraryName == null ? versioned(resource) : resource;
    }

    @Override
    public Resource createResource(String resourceName, String libraryName, String contentType) {
        Resource resource = super.createResource(resourceName, libraryName, contentType);
        return libraryName == null ? versioned(resource) : resource;
    }

    private Resource versioned(Resource resource) {
        if (resource == null) {
            return null;
        }
        return new ResourceWrapper(resource) {
            @Override
            public String getRequestPath() {
                String path = super.getRequestPath();
                String digest = digests.computeIfAbsent(getResourceName(), name -> digestOf(getWrapped()));
                return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + digest;
            }
        };
    }

    private static String digestOf(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha256.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("A resource of the portal could not be read: " + resource.getResourceName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
