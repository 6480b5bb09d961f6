-- Behaviour statements per framework element: what someone working with a person could see them do when they show
-- the element. The 360 asks the person and their raters to judge each element against them. They come from the
-- framework file (a 'behaviours' list under each element) and are replaced as a whole at each import.
CREATE TABLE framework_element_behaviour (
    element_id BIGINT       NOT NULL,
    position   INT          NOT NULL,
    statement  VARCHAR(300) NOT NULL,
    PRIMARY KEY (element_id, position),
    CONSTRAINT fk_behaviour_element FOREIGN KEY (element_id) REFERENCES framework_element (id)
);
