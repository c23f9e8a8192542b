package io.dreamloop.trainer.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A DREAM-format file added to the dataset; its rows are measurements whose run is {@link
 * #fileId()}.
 */
@Entity
@Table(name = "dataset_file")
public class DatasetFileEntity {
    @Id
    @Column(name = "file_id")
    private String fileId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "sha256", nullable = false)
    private String sha256;

    @Column(name = "row_count", nullable = false)
    private int rows;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected DatasetFileEntity() {}

    public DatasetFileEntity(
            final String fileId, final String name, final String sha256, final int rows) {
        this.fileId = fileId;
        this.name = name;
        this.sha256 = sha256;
        this.rows = rows;
        this.uploadedAt = Instant.now();
    }

    public String fileId() {
        return fileId;
    }

    /** The name given at the first upload of this content. */
    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public int rows() {
        return rows;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
