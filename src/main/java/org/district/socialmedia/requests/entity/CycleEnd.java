package org.district.socialmedia.requests.entity;

/** Why a review cycle stopped its clock. */
public enum CycleEnd {
    INFO_REQUESTED,
    DECIDED,
    WITHDRAWN
}
