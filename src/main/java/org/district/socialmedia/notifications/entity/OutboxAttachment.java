package org.district.socialmedia.notifications.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** An email's one attachment (a parent's PDF receipt, the Board report), kept apart so the outbox page never loads it. */
@Entity
@Table(name = "outbox_attachment")
public class OutboxAttachment implements Serializable {

    @Id
    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "file_name", length = 100, nullable = false, updatable = false)
    private String fileName;

    @Column(name = "content_type", length = 100, nullable = false, updatable = false)
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    protected OutboxAttachment() {
    }

    public OutboxAttachment(OutboxMessage message, String fileName, String contentType, byte[] content) {
        this.messageId = Objects.requireNonNull(message.getId(), "persist the message first");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.content = content.clone();
    }

    public Long getMessageId() { return messageId; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public byte[] getContent() { return content.clone(); }
}
