package io.jenkins.plugins.gputrain.core.dvc.value;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code str()} and {@code repr()} of the {@code datetime.date}, {@code datetime.time} and
 * {@code datetime.datetime} values that tomlkit (DVC's TOML reader) gives for TOML dates and times and ruamel.yaml
 * for YAML timestamps: microseconds, offsets as {@code +HH:MM}.
 */
final class PythonDateTime {
    private PythonDateTime() {}

    /** Python {@code str()}: {@code 1979-05-27}, {@code 07:32:00.500000}, {@code 1979-05-27 07:32:00+00:00}. */
    static String str(Temporal value) {
        if (value instanceof LocalDate date) {
            return date(date);
        }
        if (value instanceof LocalTime time) {
            return time(time);
        }
        if (value instanceof LocalDateTime dateTime) {
            return date(dateTime.toLocalDate()) + " " + time(dateTime.toLocalTime());
        }
        OffsetDateTime dateTime = (OffsetDateTime) value;
        return date(dateTime.toLocalDate()) + " " + time(dateTime.toLocalTime()) + offset(dateTime.getOffset());
    }

    /**
     * Python {@code repr()}: {@code datetime.date(1979, 5, 27)}, {@code datetime.time(7, 32)}, {@code
     * datetime.datetime(1979, 5, 27, 7, 32, tzinfo=datetime.timezone(datetime.timedelta(0), 'UTC'))}.
     *
     * @param zoneName the timezone's name, or {@code null} for tomlkit's
     */
    static String repr(Temporal value, String zoneName) {
        if (value instanceof LocalDate date) {
            return "datetime.date(" + date.getYear() + ", " + date.getMonthValue() + ", " + date.getDayOfMonth() + ")";
        }
        if (value instanceof LocalTime time) {
            return "datetime.time(" + String.join(", ", timeFields(time)) + ")";
        }
        LocalDateTime local = value instanceof OffsetDateTime offset ? offset.toLocalDateTime() : (LocalDateTime) value;
        List<String> fields = new ArrayList<>(List.of(
                String.valueOf(local.getYear()),
                String.valueOf(local.getMonthValue()),
                String.valueOf(local.getDayOfMonth())));
        fields.addAll(timeFields(local.toLocalTime()));
        if (value instanceof OffsetDateTime offset) {
            fields.add("tzinfo=" + timezone(offset.getOffset(), zoneName));
        }
        return "datetime.datetime(" + String.join(", ", fields) + ")";
    }

    private static String date(LocalDate date) {
        return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static String time(LocalTime time) {
        String text = String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / 1000;
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    /** Hour and minute, then the second and microsecond unless they (from the end) are zero, as Python prints. */
    private static List<String> timeFields(LocalTime time) {
        List<String> fields =
                new ArrayList<>(List.of(String.valueOf(time.getHour()), String.valueOf(time.getMinute())));
        int micros = time.getNano() / 1000;
        if (time.getSecond() != 0 || micros != 0) {
            fields.add(String.valueOf(time.getSecond()));
        }
        if (micros != 0) {
            fields.add(String.valueOf(micros));
        }
        return fields;
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int minutes = Math.abs(seconds) / 60;
        return String.format("%s%02d:%02d", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    }

    /** A {@code datetime.timezone}: by its name, else as tomlkit names it ({@code UTC} for a zero offset, else the offset). */
    private static String timezone(ZoneOffset offset, String zoneName) {
        int seconds = offset.getTotalSeconds();
        String delta;
        if (seconds == 0) {
            delta = "datetime.timedelta(0)";
        } else if (seconds > 0) {
            delta = "datetime.timedelta(seconds=" + seconds + ")";
        } else {
            delta = "datetime.timedelta(days=-1, seconds=" + (86_400 + seconds) + ")";
        }
        String name = zoneName != null ? zoneName : seconds == 0 ? "UTC" : offset(offset);
        return "datetime.timezone(" + delta + ", '" + name + "')";
    }
}
