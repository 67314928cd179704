package org.patchlane.thread;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;
import org.patchlane.patch.Trailer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who counts as the sender of a follow-up trailer: b4's rules, as {@code b4 am} applies them. */
class TrailerSenderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            same address                   | Guenter Roeck      | linux@roeck-us.net                   | Guenter Roeck       | linux@roeck-us.net            | true
            another reviewer's name        | Leon Romanovsky    | leon@kernel.org                      | Shira Levi          | shiral@nvidia.com             | false
            own name, other address        | Geert Uytterhoeven | geert+renesas@glider.be              | Geert Uytterhoeven  | geert@linux-m68k.org          | true
            +tag of the sender's address   | Niklas Söderlund   | niklas.soderlund+renesas@ragnatech.se| Niklas              | niklas.soderlund@ragnatech.se | true
            parent domain                  | Mika Westerberg    | mika@linux.intel.com                 | M W                 | mika@intel.com                | true
            same local part, other domain  | Someone            | john@example.org                     | Other               | john@example.com              | false
            masked, by name                | Jason Gunthorpe    | jgg@xxxxxxxxxx                       | Jason Gunthorpe     | jgg@xxxxxxxxxx                | true
            masked, other name             | Leon Romanovsky    | leon@xxxxxxxxxx                      | Shira Levi          | leon@xxxxxxxxxx               | false
            """)
    void bySender(String what, String name, String email, String senderName, String senderEmail, boolean expected) {
        Trailer t = new Trailer("Reviewed-by", name, email, name + " <" + email + ">", null, false, 0);
        assertEquals(expected, TrailerAttribution.bySender(t, new Address(senderName, senderEmail)), what);
    }
}
