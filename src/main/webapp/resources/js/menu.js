/*
 * The header's folding menus: on a phone the Menu button shows and hides the navigation, and everywhere the account
 * button shows and hides the account links. Each is a disclosure button (aria-expanded, aria-controls): Enter and
 * Space open and close it as any button, Escape closes it and returns to its button, a click elsewhere closes the
 * account menu. Without this script nothing folds: the class "js" below is what lets the style sheet hide anything.
 */
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
    var buttons = Array.prototype.slice.call(document.querySelectorAll('[data-disclosure]'));

    function panel(button) {
        return document.getElementById(button.getAttribute('aria-controls'));
    }

    function setOpen(button, open) {
        button.setAttribute('aria-expanded', open ? 'true' : 'false');
        var target = panel(button);
        if (target) {
            target.classList.toggle('is-open', open);
        }
    }

    buttons.forEach(function (button) {
        button.addEventListener('click', function () {
            setOpen(button, button.getAttribute('aria-expanded') !== 'true');
        });
    });

    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') {
            return;
        }
        // The innermost open menu that holds the focus (or, failing that, the last one opened) closes.
        var open = buttons.filter(function (b) { return b.getAttribute('aria-expanded') === 'true'; });
        var holding = open.filter(function (b) { return panel(b) && panel(b).contains(document.activeElement); });
        var button = (holding.length ? holding : open).pop();
        if (button) {
            setOpen(button, false);
            button.focus();
        }
    });

    document.addEventListener('click', function (event) {
        var account = document.getElementById('accountToggle');
        if (account && account.getAttribute('aria-expanded') === 'true'
                && !account.contains(event.target) && !panel(account).contains(event.target)) {
            setOpen(account, false);
        }
    });
});
