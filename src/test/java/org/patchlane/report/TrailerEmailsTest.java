package org.patchlane.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;
import org.patchlane.store.SeenAddress;

class TrailerEmailsTest {
    /**
     * Each row: the masked trailer address, the addresses seen ("HEADER Name &lt;email&gt;" separated by ';', in the
     * store's order) and the resolved address ("" for none).
     */
    @ParameterizedTest(name = "{0} among {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM Jason Gunthorpe <jgg@nvidia.com>|jgg@nvidia.com",
            "Junxian Huang <huangjunxian6@xxxxxxxxxxxxx>|CC Junxian Huang <huangjunxian6@hisilicon.com>|huangjunxian6@hisilicon.com",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|CC Jason Gunthorpe <jgg@ziepe.info>;FROM Jason Gunthorpe <jgg@nvidia.com>|jgg@nvidia.com",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|TO Jason Gunthorpe <jgg@ziepe.info>;CC Jason Gunthorpe <jgg@nvidia.com>|jgg@ziepe.info",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM jason gunthorpe <jgg@nvidia.com>|jgg@nvidia.com",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM Jason Gunthorpe <jgg@ziepe.ca>|",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM Jason G <jgg@nvidia.com>|",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM Jason Gunthorpe <jgh@nvidia.com>|",
            "Jason Gunthorpe <jgg@xxxxxxxxxx>|FROM Jason Gunthorpe <jgg@xxxxxxxxxx>|",
            "Jason Gunthorpe <jgg@nvidia.com>|FROM Jason Gunthorpe <jgg@nvidia.org>|",
    })
    void resolvesFromTheSamePersonsUnmaskedAddress(String masked, String seen, String expected) {
        String got = TrailerEmails.resolve(person(masked), seen(seen)).map(Address::email).orElse("");
        assertEquals(expected == null ? "" : expected, got);
    }

    private static List<SeenAddress> seen(String spec) {
        List<SeenAddress> out = new ArrayList<>();
        for (String s : spec.split(";")) {
            int space = s.indexOf(' ');
            out.add(new SeenAddress(person(s.substring(space + 1)), SeenAddress.Header.valueOf(s.substring(0, space))));
        }
        return out;
    }

    private static Address person(String s) {
        int lt = s.indexOf('<');
        return new Address(s.substring(0, lt), s.substring(lt + 1, s.length() - 1));
    }
}
