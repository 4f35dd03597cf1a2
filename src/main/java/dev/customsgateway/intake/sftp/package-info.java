/**
 * The hosted SFTP intake: an embedded SFTP server (Apache MINA SSHD) with one chrooted home per merchant,
 * accounts with Argon2id passwords and/or authorised keys, completion by rename or checksum sidecar, and the
 * {@code intake-sftp-scan} route's beans that take complete files in through
 * {@link dev.customsgateway.intake.SubmissionIntake} and write results back into the merchant's home.
 */
package dev.customsgateway.intake.sftp;
