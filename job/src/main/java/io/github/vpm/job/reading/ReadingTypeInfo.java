package io.github.vpm.job.reading;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link Reading}: the hand-written {@link ReadingSerializer}. */
public final class ReadingTypeInfo extends TypeInformation<Reading> {

    private static final long serialVersionUID = 1L;

    public static final ReadingTypeInfo INSTANCE = new ReadingTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Reading> getTypeClass() {
        return Reading.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Reading> createSerializer(SerializerConfig config) {
        return ReadingSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "Reading";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ReadingTypeInfo;
    }

    @Override
    public int hashCode() {
        return ReadingTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof ReadingTypeInfo;
    }

    /** Named by the {@code @TypeInfo} annotation on {@link Reading}. */
    public static final class Factory extends TypeInfoFactory<Reading> {

        @Override
        public TypeInformation<Reading> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
