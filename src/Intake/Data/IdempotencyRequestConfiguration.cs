using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Intake.Machine;

namespace Platform.Intake.Data;

internal sealed class IdempotencyRequestConfiguration : IEntityTypeConfiguration<IdempotencyRequest>
{
    public void Configure(EntityTypeBuilder<IdempotencyRequest> e)
    {
        e.ToTable("idempotency_requests");
        // The primary key is what makes a second insert of the same key fail, whatever the timing.
        e.HasKey(r => new { r.Tenant, r.ClientSubject, r.Key });
        e.Property(r => r.Tenant).HasColumnName("tenant").HasMaxLength(100);
        e.Property(r => r.ClientSubject).HasColumnName("client_subject").HasMaxLength(200);
        e.Property(r => r.Key).HasColumnName("key").HasMaxLength(200);
        e.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        e.Property(r => r.StatusCode).HasColumnName("status_code");
        // text, not jsonb: a replay answers the very bytes of the first answer.
        e.Property(r => r.ResponseBody).HasColumnName("response_body").HasColumnType("text");
        e.Property(r => r.CreatedAt).HasColumnName("created_at");
    }
}
