-- Versioned policy documents: the board policy and the Superintendent's supplemental guidelines. Each
-- version has an effective date, a summary of what changed and the full text (plain text: paragraphs, short
-- lines without a final period are headings). Version 1 of the board policy is the text adopted on
-- May 11, 2023, with the label requests and letters have recorded since (PolicyText.VERSION).
-- H2 (MODE=LEGACY) and PostgreSQL 15.
-- starts past the seeded id 1: EclipseLink takes the 50 ids below each value it reads
CREATE SEQUENCE policy_version_seq START WITH 100 INCREMENT BY 50;
CREATE TABLE policy_version (
    id            BIGINT         NOT NULL PRIMARY KEY,
    document      VARCHAR(40)    NOT NULL,
    version_number INTEGER       NOT NULL,
    label         VARCHAR(200)   NOT NULL,
    effective_on  DATE           NOT NULL,
    summary       VARCHAR(2000)  NOT NULL,
    body          VARCHAR(100000) NOT NULL,
    body_sha256   VARCHAR(64)    NOT NULL,
    requires_ack  BOOLEAN        NOT NULL,
    published_by  VARCHAR(64)    NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_policy_version_number UNIQUE (document, version_number)
);
CREATE INDEX ix_policy_version_effective ON policy_version (document, effective_on);

INSERT INTO policy_version (id, document, version_number, label, effective_on, summary, body, body_sha256, requires_ack,
                            published_by, published_at)
VALUES (1, 'BOARD_POLICY', 1, 'Adopted May 11, 2023', DATE '2023-05-11',
        'The policy as adopted by the Board of Education.',
        '

Employee and District Social Media Use

Intent of Policy

The District seeks to ensure that its use of social media technology enhances the professional and academic culture of the District. Social media technology, used appropriately, can provide significant educational and professional benefits to students and District staff. It can be used to enhance education, communication, and learning. The District may, in its discretion, determine it is appropriate to utilize social media technology for the promotion of District activities and dissemination of information to students, parents, and the public.

Social Media Defined

For the purposes of this policy, social media is generally defined as an electronic service or account, or electronic content, including, but not limited to, videos, still photographs, blogs, video blogs, podcasts, instant and text messages, email, online services or accounts, or Internet Web site profiles or locations.

“District-related social media use” refers to the use of social media for a District or school-related activity.

“Personal social media use” refers to use of social media that is not related to an employee’s work in the District, for example, when an employee establishes a Twitter account for personal use.

(Ed. Code § 49073.6.)

Authorized District-Related Social Media Use

All District-related social media use is regulated by the Board through this policy and through any supplemental guidelines developed by the Superintendent. Employees must receive authorization from the [Superintendent] before using any social media for District-related activities as follows:

1. Employees shall make a written request for District-related social media use. The request will specify each social media platform(s) and the job-related objectives for using each platform(s);
2. The Superintendent shall have 7 to review the request.
3. After the reviewing the request, the Superintendent]shall provide one of the following responses in writing:
 - a. Authorize the request as proposed;

- b. Reject the request in its entirety;
 - c. Request additional information from the employee making the request; or
 - d. Authorize an amended or modified version of the original proposal, or provide more limited authorization than what was requested by the employee.
4. The Superintendent''s written response shall provide a brief explanation for any denial of or modification to a proposal;
 5. The employee''s use of District-related social media is limited to those areas specifically authorized by the [Superintendent], by the terms of this policy, by privacy laws, and other laws and policies governing employment with the District.

District-Related Social Media Use

The following guidelines apply to employees who have been authorized for District-related social media use.

Separate District-Related and Personal E-Mail Accounts

Employees shall maintain separate District-related and personal email accounts. Personal e-mail addresses should not be used on District-related sites. District email addresses should not be used on personal social media.

Student Communication

Any District employee who communicates with students on District-related social media should ensure each of the following:

1. Communication should be an extension of the classroom and designed to address reasonable instructional, educational or extra-curricular program matters;
2. District-related social media sites that are non-school based should have a reasonable relationship to the goals, purposes, and functions of the District, department, or employee that created the site;
3. At the discretion of the Superintendent, District administrators and/or supervisors may be provided with administrative rights to any District-related social media accounts;
4. All District-related social media sites should clearly indicate that they are related to the District. Sites should identify the District, school, department, or personnel, as applicable. In addition, sites may utilize a school or District logo or seal;

5. Communication should be respectful, professional and comparable to communication in the classroom or work environment;
6. All employees shall use privacy settings to protect student and employee records in a manner that complies with state and federal laws;
7. Employees shall never post personally identifiable student information, including student photographs, without a written authorization from the students'' parents; and
8. District students using District-related social media sites shall not be permitted to post photographs or the personally identifiable information of other students.

Employee Personal Social Media Use

Whether an employee chooses to participate in personal social media technology is not a matter of concern for the District.

However, employees are reminded that they are a District employee and are expected to observe the following guidelines:

Communication with Students

In order to maintain professional relationships, District employees should not communicate with District students using personal social media (e.g., “following”, “friending,” posting, commenting, etc.).

Communication with Parents/Guardians or Members of the Public

Employees should not use personal social media to communicate with parents/guardians of District students or members of the public on subjects related to their employment with the District. Any information related to a specific student should never be communicated on any social media but only through the District''s email system, by phone, or any other method that protects the student''s and/or family''s privacy.

Respect Other Users and the Safety of Students

It is never acceptable for an employee to post rude or offensive comments about students, co-workers, or the District in general. Employees should respect the privacy and feelings of those they are communicating with on social media and should strive, at all times, to be courteous and respectful.

Discussion of Wages, Hours, or Working Conditions with Other Employees

Nothing in this policy is intended to or will be applied to improperly restrict employees from using personal social media to engage in concerted activity, including discussing their wages, hours, or working conditions with other District employees.

Employee Rules of Conduct May Apply to Social Media Use

The District''s social media policy does not replace or supplant the policies, laws, and agreements which govern the conduct of employees of the District. Policies, regulations and laws that cover District employees'' conduct may also be applicable in the social media environment.

(Ed. Code §§ 49076 *et seq.*; 20 U.S.C. § 1232g; 34 C.F.R. Part 99.)

Adopted: May 11, 2023',
        '9083e3f447c4bd18d31a7beadbe0d564c7cc7d68a1ffe0bfe6e343a65b5cf656', FALSE, 'system', TIMESTAMP WITH TIME ZONE '2023-05-11 00:00:00+00');
