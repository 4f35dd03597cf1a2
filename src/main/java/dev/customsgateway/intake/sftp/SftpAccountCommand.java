package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.GatewayCommand;
import dev.customsgateway.core.PasswordHasher;
import dev.customsgateway.intake.MerchantRepository;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Operator command {@code sftp-account}: adds SFTP accounts to merchants, authorises public keys (refusing weak
 * ones), issues new passwords and disables or enables accounts. A generated password is printed once, here,
 * and never stored in clear.
 */
@Component
class SftpAccountCommand implements GatewayCommand {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USAGE = """
            usage: sftp-account add <username> <merchant>      new account, prints its generated password once
                   sftp-account add-key <username> <file.pub>  authorises an ed25519, ECDSA or RSA>=2048 key
                   sftp-account password <username>            new generated password, printed once
                   sftp-account disable|enable <username>""";

    private final SftpAccounts accounts;
    private final MerchantRepository merchants;
    private final PasswordHasher hasher;
    private final Clock clock;

    SftpAccountCommand(SftpAccounts accounts, MerchantRepository merchants, PasswordHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.merchants = merchants;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sftp-account";
    }

    @Override
    public String summary() {
        return "add SFTP accounts and keys, reset passwords, disable or enable accounts";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String action = args.isEmpty() ? "" : args.get(0);
        String user = args.size() > 1 ? args.get(1) : null;
        if (user == null || !user.matches("[A-Za-z0-9._-]{1,64}")) {
            err.println(USAGE);
            return 64;
        }
        if ("add".equals(action) && args.size() == 3) {
            return add(user, args.get(2), out, err);
        }
        if (!accounts.exists(user)) {
            err.println("no SFTP account " + user);
            return 1;
        }
        switch (action) {
            case "add-key" -> {
                return args.size() == 3 ? addKey(user, Path.of(args.get(2)), out, err) : usage(err);
            }
            case "password" -> {
                String password = newPassword();
                accounts.setPasswordHash(user, hasher.hash(password));
                out.println("new password of " + user + " (shown once): " + password);
            }
            case "disable", "enable" -> {
                accounts.setEnabled(user, "enable".equals(action));
                out.println(user + " " + action + "d");
            }
            default -> {
                return usage(err);
            }
        }
        return 0;
    }

    private int add(String user, String merchant, PrintStream out, PrintStream err) {
        if (accounts.exists(user) || merchants.findEnabled(merchant).isEmpty()) {
            err.println("account " + user + " exists already, or merchant " + merchant + " is unknown or disabled");
            return 1;
        }
        String password = newPassword();
        accounts.create(user, merchant, hasher.hash(password), OffsetDateTime.now(clock));
        out.println("SFTP account " + user + " of merchant " + merchant + "; password (shown once): " + password);
        return 0;
    }

    private int addKey(String user, Path file, PrintStream out, PrintStream err) throws Exception {
        String line = Files.readString(file).strip();
        PublicKey key;
        try {
            key = AuthorizedKeys.parse(line);
        } catch (IllegalArgumentException e) {
            err.println("key refused: " + e.getMessage());
            return 1;
        }
        String fingerprint = AuthorizedKeys.fingerprint(key);
        accounts.addKey(user, line, fingerprint, OffsetDateTime.now(clock));
        out.println("authorised " + fingerprint + " for " + user);
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 64;
    }

    private static String newPassword() {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
