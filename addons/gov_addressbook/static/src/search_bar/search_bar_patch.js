import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { SearchBar } from "@web/search/search_bar/search_bar";

/**
 * The one search box of the address book says what it finds: a name, a
 * postcode with house number, a phone number, an e-mail address or a KvK
 * number (see res.partner's quick search).
 */
patch(SearchBar.prototype, {
    get govPlaceholder() {
        if (this.env.searchModel?.resModel === "res.partner") {
            return _t("Name, postcode + house number, phone, e-mail, KvK");
        }
        return _t("Search...");
    },
});
