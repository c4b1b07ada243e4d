package org.tributary.node.admin;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.tributary.node.account.Account;
import org.tributary.node.api.AccountDto;
import org.tributary.node.api.ClientModels;
import org.tributary.node.delivery.DeadDelivery;
import org.tributary.node.peer.Peer;

/** The admin API's models (snake_case on the wire) and their converters. */
public final class AdminDtos {
    private final ClientModels models;

    public AdminDtos(ClientModels models) {
        this.models = models;
    }

    /** Mastodon's Admin::Account, with the fields this network has. */
    public record AdminAccountDto(String id, String username, String domain, String createdAt, RoleDto role,
            boolean confirmed, boolean suspended, boolean silenced, boolean disabled, boolean approved,
            AccountDto account) {
    }

    public record RoleDto(String name) {
    }

    public record CreatedAccountDto(AdminAccountDto account, String password) {
    }

    public record PasswordDto(String password) {
    }

    public record PeerDto(String authority, String addedAt, String note) {
    }

    public record DeadDeliveryDto(String id, String activityId, String inbox, int attempts, String lastError,
            String failedAt) {
    }

    public AdminAccountDto account(Account account) {
        return new AdminAccountDto(String.valueOf(account.id()), account.username(),
                account.isLocal() ? null : account.authority(), time(account.createdAt()),
                new RoleDto(account.role().name().toLowerCase(Locale.ROOT)), true, account.suspended(), false,
                account.suspended(), true, models.account(account));
    }

    public static PeerDto peer(Peer peer) {
        return new PeerDto(peer.authority(), time(peer.addedAt()), peer.note());
    }

    public static DeadDeliveryDto dead(DeadDelivery delivery) {
        return new DeadDeliveryDto(String.valueOf(delivery.id()), delivery.activityId().toString(),
                delivery.inbox().toString(), delivery.attempts(), delivery.lastError(), time(delivery.failedAt()));
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
