// Krippendorff's unitizing alpha by DKPro Agreement, for scripts/unitizing_reference.py.
//
// Reads studies from standard input, one line each:
//   NAME <tab> RATERS <tab> LENGTH <tab> rater,begin,length,category;rater,begin,length,category;...
// and prints, per study: NAME <tab> overall alpha <tab> category=alpha;category=alpha;...
// (alpha "NaN" where DKPro throws or gives no number).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

public class UnitizingReference {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            int raters = Integer.parseInt(fields[1]);
            long length = Long.parseLong(fields[2]);
            UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(raters, 0, length);
            for (String unit : fields[3].split(";")) {
                if (unit.isEmpty()) {
                    continue;
                }
                String[] u = unit.split(",");
                study.addUnit(Long.parseLong(u[1]), Long.parseLong(u[2]), Integer.parseInt(u[0]), u[3]);
            }
            KrippendorffAlphaUnitizingAgreement alpha = new KrippendorffAlphaUnitizingAgreement(study);
            StringBuilder out = new StringBuilder(fields[0]).append('\t');
            out.append(value(() -> alpha.calculateAgreement())).append('\t');
            boolean first = true;
            for (Object category : study.getCategories()) {
                if (!first) {
                    out.append(';');
                }
                first = false;
                out.append(category).append('=').append(value(() -> alpha.calculateCategoryAgreement(category)));
            }
            System.out.println(out);
        }
    }

    interface Measure {
        double get();
    }

    static String value(Measure measure) {
        try {
            return Double.toString(measure.get());
        } catch (RuntimeException e) {
            return "NaN";
        }
    }
}
